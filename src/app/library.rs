//! The library panel: every article with title, outlet, date and length; a filter box; which
//! articles contain the find phrase; each article's story, which the researcher can merge with
//! another story or split off (right-click); the articles grouped under their stories (sort by
//! Story) or one story's articles alone (the Story box); and the import warnings.

use super::command::Command;
use super::document::Document;
use super::figures_cache::FiguresCache;
use super::find::FindState;
use crate::analysis::Story;
use crate::model::{Article, ArticleId, Edit};
use eframe::egui;
use std::collections::HashMap;

/// The library panel's own state.
#[derive(Default)]
pub struct Library {
    pub filter: String,
    pub sort: LibrarySort,
    /// The filter as it was last frame, to scroll back to the first match when it changes.
    last_filter: String,
    /// The story chosen last frame, likewise.
    last_story: Option<String>,
    /// Only the articles of this story (its key), when set.
    pub story: Option<String>,
    /// The rows for (filter, sort, story, project revision, stories found), as positions in
    /// the article list and story headers: filtering and sorting 2,000 articles is not work
    /// for every frame.
    order: Option<(OrderKey, Vec<LibraryRow>)>,
}

/// What the cached order depends on: filter, sort, story, the project's revision, which
/// article list it is (another project may be at the same revision) and the stories' analysis.
type OrderKey = (String, LibrarySort, Option<String>, u64, usize, usize, u64);

/// One row of the library list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryRow {
    /// A story's heading, by index into the stories, when grouping by story.
    Story(usize),
    /// An article, by position in the article list.
    Article(usize),
}

/// The orders the library lists articles in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LibrarySort {
    /// Import order (by file path).
    #[default]
    File,
    Title,
    Outlet,
    /// Newest first; articles without a date last.
    Date,
    /// Longest first.
    Length,
    /// Grouped under their stories, the largest story first; by date within one.
    Story,
}

impl LibrarySort {
    pub const ALL: [LibrarySort; 6] = [
        LibrarySort::File,
        LibrarySort::Title,
        LibrarySort::Outlet,
        LibrarySort::Date,
        LibrarySort::Length,
        LibrarySort::Story,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LibrarySort::File => "File",
            LibrarySort::Title => "Title",
            LibrarySort::Outlet => "Outlet",
            LibrarySort::Date => "Date (newest)",
            LibrarySort::Length => "Length (longest)",
            LibrarySort::Story => "Story (grouped)",
        }
    }
}

/// The articles matching `filter` (title, outlet, author or file, ignoring case), in `sort`
/// order.
pub fn library_rows<'p>(
    articles: &'p [Article],
    filter: &str,
    sort: LibrarySort,
) -> Vec<&'p Article> {
    library_order(articles, filter, sort)
        .into_iter()
        .map(|i| &articles[i])
        .collect()
}

/// [`library_rows`] as positions in `articles`.
pub fn library_order(articles: &[Article], filter: &str, sort: LibrarySort) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let has = |s: Option<&str>| s.is_some_and(|s| s.to_lowercase().contains(&needle));
    let mut rows: Vec<usize> = (0..articles.len())
        .filter(|&i| {
            let a = &articles[i];
            needle.is_empty()
                || has(Some(&a.title))
                || has(Some(&a.path))
                || has(a.outlet.as_deref())
                || has(a.author.as_deref())
        })
        .collect();
    let lower = |s: &str| s.to_lowercase();
    match sort {
        LibrarySort::File => {}
        LibrarySort::Title => rows.sort_by_cached_key(|&i| lower(&articles[i].title)),
        LibrarySort::Outlet => rows.sort_by_cached_key(|&i| {
            let a = &articles[i];
            (
                a.outlet.is_none(),
                a.outlet.as_deref().map(lower),
                lower(&a.title),
            )
        }),
        // Partial dates (`--MM-DD`) have no year: after every dated article, before undated ones.
        LibrarySort::Date => rows.sort_by_cached_key(|&i| {
            let d = articles[i].published.as_deref();
            let rank = match d {
                Some(d) if !d.starts_with("--") => 0,
                Some(_) => 1,
                None => 2,
            };
            (rank, std::cmp::Reverse(d.map(str::to_owned)))
        }),
        LibrarySort::Length => {
            rows.sort_by_cached_key(|&i| std::cmp::Reverse(articles[i].char_len()));
        }
        // Grouped by [`story_rows`], which knows the stories; by date within a story.
        LibrarySort::Story => rows.sort_by_cached_key(|&i| {
            let d = articles[i].published.clone();
            (d.is_none(), d)
        }),
    }
    rows
}

/// The library's rows once the stories are known: only the articles of story `only` (a
/// key) when given, and with `group`, each story's heading followed by its articles, the
/// largest story first (`order` keeps its order within a story).
pub fn story_rows(
    order: &[usize],
    articles: &[Article],
    stories: &[Story],
    only: Option<&str>,
    group: bool,
) -> Vec<LibraryRow> {
    let story_of: HashMap<ArticleId, usize> = stories
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.articles.iter().map(move |&a| (a, k)))
        .collect();
    let only = only.and_then(|key| stories.iter().position(|s| s.key == key));
    let kept: Vec<(Option<usize>, usize)> = order
        .iter()
        .map(|&i| (story_of.get(&articles[i].id).copied(), i))
        .filter(|(k, _)| only.is_none() || *k == only)
        .collect();
    if !group || stories.is_empty() {
        return kept
            .into_iter()
            .map(|(_, i)| LibraryRow::Article(i))
            .collect();
    }
    let mut by_story: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let mut at: HashMap<Option<usize>, usize> = HashMap::new();
    for (k, i) in kept {
        let slot = *at.entry(k).or_insert_with(|| {
            by_story.push((k, Vec::new()));
            by_story.len() - 1
        });
        by_story[slot].1.push(i);
    }
    // The largest story first; stories of one size in order of their first article.
    by_story.sort_by_key(|(k, _)| {
        (
            std::cmp::Reverse(k.map_or(0, |k| stories[k].articles.len())),
            k.map_or(i64::MAX, |k| stories[k].articles[0]),
        )
    });
    let mut rows = Vec::new();
    for (k, list) in by_story {
        if let Some(k) = k {
            rows.push(LibraryRow::Story(k));
        }
        rows.extend(list.into_iter().map(LibraryRow::Article));
    }
    rows
}

/// "TASS · Anna Ivanova · 2024-03-26 · 2,133 chars".
pub fn article_meta(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &a.outlet {
        parts.push(o.clone());
    }
    if let Some(who) = &a.author {
        parts.push(who.clone());
    }
    if let Some(d) = &a.published {
        parts.push(crate::model::display_date(d));
    }
    parts.push(format!("{} chars", group_thousands(a.char_len())));
    parts.join(" · ")
}

/// 12345 → "12,345".
pub fn group_thousands(n: usize) -> String {
    crate::analysis::group_digits(&n.to_string())
}

impl Library {
    /// Draws the panel. `open` are the articles shown in columns.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        find: &mut FindState,
        open: &[ArticleId],
        figures: &FiguresCache,
        commands: &mut Vec<Command>,
    ) {
        let articles = doc.project.articles();
        // A story chosen before the stories changed may be gone.
        if self
            .story
            .as_deref()
            .is_some_and(|k| figures.story(k).is_none() && !figures.analysing())
        {
            self.story = None;
        }
        let key = (
            self.filter.clone(),
            self.sort,
            self.story.clone(),
            doc.project.revision(),
            articles.as_ptr() as usize,
            articles.len(),
            figures.settled_generation(),
        );
        if self.order.as_ref().is_none_or(|(k, _)| *k != key) {
            let order = library_order(articles, &self.filter, self.sort);
            let rows = story_rows(
                &order,
                articles,
                &figures.stories,
                self.story.as_deref(),
                self.sort == LibrarySort::Story,
            );
            self.order = Some((key, rows));
        }
        let rows: Vec<LibraryRow> = self
            .order
            .as_ref()
            .map(|(_, rows)| rows.clone())
            .unwrap_or_default();
        let shown = rows
            .iter()
            .filter(|r| matches!(r, LibraryRow::Article(_)))
            .count();
        let total = doc.project.articles().len();
        ui.horizontal(|ui| {
            ui.heading("Library");
            if self.filter.trim().is_empty() && self.story.is_none() {
                ui.weak(super::plural::count(total, "article"));
            } else {
                ui.weak(format!("{shown} of {total}"));
            }
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text("Filter by title, outlet, author or file")
                .desired_width(f32::INFINITY),
        );
        ui.horizontal(|ui| {
            let label = ui.weak("Sort by");
            egui::ComboBox::from_id_salt("library-sort")
                .selected_text(self.sort.label())
                .show_ui(ui, |ui| {
                    for s in LibrarySort::ALL {
                        ui.selectable_value(&mut self.sort, s, s.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if figures.stories.len() > 1 {
            self.story_picker(ui, figures);
        }
        ui.add_space(4.0);
        // A new filter shows its first match at the top.
        let jump_to_top = self.filter != self.last_filter || self.story != self.last_story;
        self.last_story.clone_from(&self.story);
        self.last_filter.clone_from(&self.filter);

        let warnings_height = if doc.import.is_some() { 90.0 } else { 0.0 };
        let row_height = 56.0;
        let mut area = egui::ScrollArea::vertical();
        if jump_to_top {
            area = area.vertical_scroll_offset(0.0);
        }
        area.id_salt("library")
            .max_height((ui.available_height() - warnings_height).max(80.0))
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for row in &rows[range] {
                    let a = match *row {
                        LibraryRow::Story(k) => {
                            story_heading(ui, &figures.stories[k], row_height);
                            continue;
                        }
                        LibraryRow::Article(i) => match articles.get(i) {
                            Some(a) => a,
                            None => continue,
                        },
                    };
                    let hits = if find.active() {
                        Some(find.hits(a).len())
                    } else {
                        None
                    };
                    let story = figures
                        .story_of(a.id)
                        .map(|s| (s, figures.stories.as_slice()));
                    let info = RowInfo {
                        is_open: open.contains(&a.id),
                        hits,
                        story,
                    };
                    self.row(ui, a, info, row_height, commands);
                }
            });
        if shown == 0 {
            ui.weak("No article matches the filter.");
        }

        if let Some(summary) = &doc.import {
            ui.separator();
            let headline = summary.headline();
            if summary.warnings.is_empty() {
                ui.label(headline);
            } else {
                egui::CollapsingHeader::new(format!(
                    "{headline}, {}",
                    super::plural::count(summary.warnings.len(), "warning")
                ))
                .id_salt("import-warnings")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("warnings")
                        .max_height(160.0)
                        .show(ui, |ui| {
                            for w in &summary.warnings {
                                ui.label(egui::RichText::new(w.to_string()).small());
                            }
                        });
                });
            }
        }
    }

    /// The Story box: all stories, or one story's articles alone (the largest first).
    fn story_picker(&mut self, ui: &mut egui::Ui, figures: &FiguresCache) {
        let mut order: Vec<&Story> = figures.stories.iter().collect();
        order.sort_by_key(|s| (std::cmp::Reverse(s.articles.len()), s.articles[0]));
        let name = |s: &Story| {
            format!(
                "{} ({})",
                s.label,
                super::plural::count(s.articles.len(), "article")
            )
        };
        let current = self
            .story
            .as_deref()
            .and_then(|k| figures.story(k))
            .map_or_else(|| format!("All {} stories", figures.stories.len()), name);
        ui.horizontal(|ui| {
            let label = ui.weak("Story");
            // A fixed width, truncated: a box as wide as the panel would widen the panel.
            egui::ComboBox::from_id_salt("library-story")
                .selected_text(current)
                .width(180.0)
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.story, None, "All stories");
                    for s in order {
                        ui.selectable_value(&mut self.story, Some(s.key.clone()), name(s));
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }

    fn row(
        &self,
        ui: &mut egui::Ui,
        a: &Article,
        info: RowInfo<'_>,
        height: f32,
        commands: &mut Vec<Command>,
    ) {
        let RowInfo {
            is_open,
            hits,
            story,
        } = info;
        let width = ui.available_width();
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
        let title = a.title.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
        let visuals = ui.visuals();
        if is_open {
            ui.painter()
                .rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.35));
        } else if response.hovered() {
            ui.painter()
                .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let dim = hits == Some(0);
        let strong = if dim {
            visuals.weak_text_color()
        } else {
            visuals.strong_text_color()
        };
        let weak = visuals.weak_text_color();
        let inner = rect.shrink2(egui::vec2(6.0, 4.0));
        // Two lines of title at most, elided, then the metadata line.
        let mut job = egui::text::LayoutJob::simple(
            a.title.clone(),
            egui::FontId::proportional(14.0),
            strong,
            inner.width(),
        );
        job.wrap.max_rows = 2;
        job.wrap.break_anywhere = false;
        job.wrap.overflow_character = Some('…');
        let title_galley = ui.painter().layout_job(job);
        let title_height = title_galley.size().y;
        let painter = ui.painter().with_clip_rect(inner.intersect(ui.clip_rect()));
        painter.galley(inner.min, title_galley, strong);
        let mut meta = article_meta(a);
        if let Some(n) = hits {
            meta = format!("{meta} · {n} match{}", if n == 1 { "" } else { "es" });
        }
        if let Some((own, all)) = story
            && all.len() > 1
        {
            meta = format!("{meta} · story: {}", own.label);
        }
        // Right under its own title, not at the bottom of the row, so a one-line title's
        // details never read as belonging to the row below.
        painter.text(
            egui::pos2(inner.min.x, inner.min.y + title_height + 2.0),
            egui::Align2::LEFT_TOP,
            meta,
            egui::FontId::proportional(11.5),
            weak,
        );
        let mut hover = format!("{}\n{}", a.title, a.path);
        if let Some(url) = &a.url {
            hover.push('\n');
            hover.push_str(url);
        }
        let response = response.on_hover_text(hover);
        if response.clicked() {
            let new_column = ui.input(|i| i.modifiers.command);
            commands.push(Command::ShowArticle {
                article: a.id,
                new_column,
            });
        }
        response.context_menu(|ui| {
            if ui.button("Open in new column").clicked() {
                commands.push(Command::ShowArticle {
                    article: a.id,
                    new_column: true,
                });
            }
            if ui.button("Edit details…").clicked() {
                commands.push(Command::EditArticle(a.id));
            }
            if let Some((own, all)) = story {
                ui.separator();
                story_menu(ui, a.id, own, all, commands);
            }
        });
    }
}

/// A story's heading in the grouped list: its names, how many articles, its time span.
fn story_heading(ui: &mut egui::Ui, story: &Story, height: f32) {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let label = story.label.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    let visuals = ui.visuals();
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    let bottom = rect.bottom() - 4.0;
    painter.text(
        egui::pos2(rect.left() + 2.0, bottom - 16.0),
        egui::Align2::LEFT_BOTTOM,
        &story.label,
        egui::FontId::proportional(13.0),
        visuals.strong_text_color(),
    );
    let span = match (&story.start, &story.end) {
        (Some(a), Some(b)) if a == b => format!(" · {}", crate::model::display_date(a)),
        (Some(a), Some(b)) => format!(
            " · {} to {}",
            crate::model::display_date(a),
            crate::model::display_date(b)
        ),
        _ => String::new(),
    };
    painter.text(
        egui::pos2(rect.left() + 2.0, bottom),
        egui::Align2::LEFT_BOTTOM,
        format!(
            "{}{span}",
            super::plural::count(story.articles.len(), "article")
        ),
        egui::FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
    painter.line_segment(
        [
            egui::pos2(rect.left(), rect.bottom()),
            egui::pos2(rect.right(), rect.bottom()),
        ],
        visuals.widgets.noninteractive.bg_stroke,
    );
}

/// What a library row shows besides its article.
struct RowInfo<'s> {
    /// The article is shown in a column.
    is_open: bool,
    /// Find matches in the article, while finding.
    hits: Option<usize>,
    /// The article's story and all stories, once found.
    story: Option<(&'s Story, &'s [Story])>,
}

/// Merge and split for the story of `article` (story `i` of `all`): each one undoable edit.
fn story_menu(
    ui: &mut egui::Ui,
    article: ArticleId,
    own: &Story,
    all: &[Story],
    commands: &mut Vec<Command>,
) {
    if own.articles.len() > 1
        && ui
            .button("Split into its own story")
            .on_hover_text("Compare its figures with no other article's")
            .clicked()
    {
        commands.push(Command::Edit {
            label: "Split story".into(),
            edit: Edit::SetStories(vec![(article, Some(format!("own-{article}")))]),
            coalesce: None,
        });
    }
    if all.len() > 1 {
        ui.menu_button("Merge its story with", |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for other in all.iter().filter(|s| s.key != own.key) {
                        let text = format!(
                            "{} ({})",
                            other.label,
                            super::plural::count(other.articles.len(), "article")
                        );
                        if ui.button(text).clicked() {
                            commands.push(Command::Edit {
                                label: "Merge stories".into(),
                                edit: merge_edit(own, other),
                                coalesce: None,
                            });
                            ui.close();
                        }
                    }
                });
        });
    }
}

/// The edit that puts every article of `a` and `b` in one story, keeping a name the researcher
/// already gave one of them.
pub fn merge_edit(a: &Story, b: &Story) -> Edit {
    let name = [a, b].iter().find(|s| s.by_researcher).map_or_else(
        || format!("merged-{}", a.articles[0].min(b.articles[0])),
        |s| s.key.clone(),
    );
    Edit::SetStories(
        a.articles
            .iter()
            .chain(&b.articles)
            .map(|&id| (id, Some(name.clone())))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(
        id: i64,
        title: &str,
        outlet: Option<&str>,
        date: Option<&str>,
        len: usize,
    ) -> Article {
        Article {
            outlet: outlet.map(Into::into),
            published: date.map(Into::into),
            author: (id == 2).then(|| "Lea Roth".to_owned()),
            ..Article::in_memory(id, format!("{id}.txt"), title, "x".repeat(len))
        }
    }

    fn library() -> Vec<Article> {
        vec![
            article(1, "bridge toll rises", Some("TASS"), Some("--09-12"), 50),
            article(2, "Apples and floods", None, Some("2024-03-26"), 900),
            article(3, "Council vote", Some("Reuters"), None, 10),
            article(
                4,
                "Zebra crossing",
                Some("AP"),
                Some("2025-01-02T08:00Z"),
                300,
            ),
        ]
    }

    fn ids(rows: &[&Article]) -> Vec<i64> {
        rows.iter().map(|a| a.id).collect()
    }

    #[test]
    fn sorts_by_title_outlet_date_and_length() {
        let all = library();
        let by = |s| ids(&library_rows(&all, "", s));
        assert_eq!(by(LibrarySort::File), [1, 2, 3, 4]);
        assert_eq!(by(LibrarySort::Title), [2, 1, 3, 4], "ignoring case");
        assert_eq!(by(LibrarySort::Outlet), [4, 3, 1, 2], "no outlet last");
        assert_eq!(
            by(LibrarySort::Date),
            [4, 2, 1, 3],
            "newest, then year unknown, then none"
        );
        assert_eq!(by(LibrarySort::Length), [2, 4, 1, 3]);
    }

    #[test]
    fn the_filter_matches_title_outlet_author_and_file() {
        let all = library();
        assert_eq!(ids(&library_rows(&all, "TOLL", LibrarySort::File)), [1]);
        assert_eq!(ids(&library_rows(&all, "reuters", LibrarySort::File)), [3]);
        assert_eq!(ids(&library_rows(&all, "roth", LibrarySort::File)), [2]);
        assert_eq!(ids(&library_rows(&all, "4.txt", LibrarySort::File)), [4]);
    }

    #[test]
    fn stories_group_the_list_and_one_story_can_be_shown_alone() {
        let all = library();
        let story = |key: &str, articles: Vec<i64>| Story {
            key: key.to_owned(),
            articles,
            label: key.to_owned(),
            by_researcher: false,
            names: Vec::new(),
            words: Vec::new(),
            start: None,
            end: None,
        };
        let stories = &[story("auto-1", vec![1, 3]), story("auto-2", vec![2, 4])];
        let order = library_order(&all, "", LibrarySort::Story);
        use LibraryRow::{Article as A, Story as S};
        // By date within a story; stories of one size in order of their first article.
        assert_eq!(
            story_rows(&order, &all, stories, None, true),
            [S(0), A(0), A(2), S(1), A(1), A(3)]
        );
        assert_eq!(
            story_rows(&order, &all, stories, Some("auto-2"), false),
            [A(1), A(3)]
        );
        let by_file = library_order(&all, "", LibrarySort::File);
        assert_eq!(
            story_rows(&by_file, &all, stories, Some("auto-1"), false),
            [A(0), A(2)]
        );
    }

    #[test]
    fn lengths_read_with_thousands_separators() {
        assert_eq!(group_thousands(7), "7");
        assert_eq!(group_thousands(2133), "2,133");
        assert_eq!(group_thousands(1_250_000), "1,250,000");
    }
}
