//! The Timeline tab: for one story and one measure, a chart of its figures over time (one bar
//! per figure from its lower to its upper end, at the time it was true, coloured by outlet; a
//! ring on the figures tagged as claims and a line for each link between them); hovering shows
//! the sentence, clicking opens it in a column with the figure selected. The axis spans the
//! story's own days: figures the text puts in another event, or at a time outside the story,
//! are listed apart under the chart. The story is the one of the article in the active column
//! (or the largest), the measure the one with the most open conflicts and updates. Beside the
//! chart, the story's articles in the order they speak, each with its time expressions and a
//! button that tags one as a Date claim.

use super::command::Command;
use super::figures_cache::FiguresCache;
use super::theme::kind_color;
use crate::analysis::timeline::{OUTLET_PALETTE, TimedFigure, Timeline, seconds_between};
use crate::analysis::{Measure, Story, category_named, covering_claim};
use crate::model::{ArticleId, ClaimId, Edit, LinkKind, Project, Resolution};
use eframe::egui::{self, Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};
use std::collections::{HashMap, HashSet};

/// The timeline, computed once per project (article texts and dates change rarely).
#[derive(Default)]
pub struct TimelineView {
    key: Option<(usize, usize, u64)>,
    pub data: Timeline,
    /// The measure drawn; the story's measure with the most open conflicts and updates when
    /// unset.
    pub measure: Option<Measure>,
    /// The story drawn, by key; the story of the active column's article when unset.
    pub story: Option<String>,
    /// What the chart shows for the story and measure drawn, kept until either changes.
    scope: Option<Scope>,
    /// For the measure drawn: outlet names in order of appearance and, per article, the
    /// index of its outlet (so a frame looks nothing up by name).
    outlets: Option<(Measure, Vec<String>, HashMap<ArticleId, usize>)>,
}

impl TimelineView {
    /// Makes sure the timeline belongs to `project` (its texts and dates).
    pub fn ensure(&mut self, project: &Project) {
        use std::hash::{Hash, Hasher};
        // Dates are edited in the library (Article details), so they are part of the key.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for a in project.articles() {
            a.published.hash(&mut h);
        }
        let dates = h.finish();
        let key = (
            project.articles().len(),
            project.articles().iter().map(|a| a.text.len()).sum(),
            dates,
        );
        if self.key != Some(key) {
            self.data = Timeline::of(project.articles());
            self.outlets = None;
            self.scope = None;
            self.key = Some(key);
        }
    }

    /// Computes the outlets of `measure`'s figures, once per measure.
    fn ensure_outlets(&mut self, measure: Measure) {
        if self.outlets.as_ref().is_none_or(|(m, _, _)| *m != measure) {
            let names_of: HashMap<ArticleId, String> = self
                .data
                .articles
                .iter()
                .map(|a| (a.id, a.outlet.clone().unwrap_or_else(|| a.title.clone())))
                .collect();
            let mut names: Vec<String> = Vec::new();
            let mut index: HashMap<ArticleId, usize> = HashMap::new();
            for t in self
                .data
                .figures
                .iter()
                .filter(|t| t.figure.measure == measure)
            {
                if index.contains_key(&t.article) {
                    continue;
                }
                let name = names_of.get(&t.article).cloned().unwrap_or_default();
                let k = names.iter().position(|n| *n == name).unwrap_or_else(|| {
                    names.push(name);
                    names.len() - 1
                });
                index.insert(t.article, k);
            }
            self.outlets = Some((measure, names, index));
        }
    }
}

/// The colour of the outlet at `k` in order of appearance: the first eight never share one.
fn color_at(k: usize) -> Color32 {
    let (r, g, b) = OUTLET_PALETTE[k % OUTLET_PALETTE.len()];
    Color32::from_rgb(r, g, b)
}

/// One story's figures for the chart: which articles, the days it covers, its measures and
/// the figures on the axis and apart for the measure drawn (indices into the timeline's
/// figures).
struct Scope {
    /// (story key, measure, the figure analysis's generation, project revision).
    key: (Option<String>, Option<Measure>, u64, u64),
    articles: Option<HashSet<ArticleId>>,
    /// Measures with at least two figures on the axis, with how many and how many open
    /// conflicts and updates; the default first.
    measures: Vec<(Measure, usize, usize)>,
    measure: Option<Measure>,
    axis: Vec<usize>,
    apart: Vec<usize>,
}

impl TimelineView {
    /// Works out what the chart shows, once per story, measure and analysis.
    fn ensure_scope(&mut self, project: &Project, figures: &FiguresCache, story: Option<&Story>) {
        // Not each batch of suggestions: counting open conflicts reads all of them.
        let key = (
            story.map(|s| s.key.clone()),
            self.measure,
            figures.settled_generation(),
            project.revision(),
        );
        if self.scope.as_ref().is_some_and(|s| s.key == key) {
            return;
        }
        let articles: Option<HashSet<ArticleId>> =
            story.map(|s| s.articles.iter().copied().collect());
        let window = articles.as_ref().and_then(|a| self.data.story_window(a));
        let open = open_conflicts(project, figures, &self.data, articles.as_ref());
        let mut measures: Vec<(Measure, usize, usize)> = Measure::ALL
            .into_iter()
            .map(|m| {
                let n = self.data.story_series(m, articles.as_ref(), window).0.len();
                (m, n, open.get(&m).copied().unwrap_or(0))
            })
            .filter(|&(_, n, _)| n >= 2)
            .collect();
        // The most open conflicts and updates first, then event counts, then most figures.
        measures.sort_by_key(|&(m, n, c)| {
            (std::cmp::Reverse(c), !m.is_event(), std::cmp::Reverse(n), m)
        });
        let measure = self
            .measure
            .filter(|m| measures.iter().any(|(x, _, _)| x == m))
            .or_else(|| measures.first().map(|x| x.0));
        let (axis, apart) = match measure {
            Some(m) => self.data.story_series(m, articles.as_ref(), window),
            None => (Vec::new(), Vec::new()),
        };
        self.scope = Some(Scope {
            key,
            articles,
            measures,
            measure,
            axis,
            apart,
        });
    }
}

/// Open `contradicts` and `updates` per measure in a story: suggested and not dismissed, or
/// linked and unresolved.
fn open_conflicts(
    project: &Project,
    figures: &FiguresCache,
    data: &Timeline,
    articles: Option<&HashSet<ArticleId>>,
) -> HashMap<Measure, usize> {
    let inside = |a: ArticleId| articles.is_none_or(|set| set.contains(&a));
    let mut count: HashMap<Measure, usize> = HashMap::new();
    for s in figures.ranked().iter() {
        let all_inside = s
            .figures
            .iter()
            .all(|&(a, _)| figures.article_id(a).is_some_and(inside));
        if all_inside && !project.dismissed().contains(&s.key) {
            *count.entry(s.measure).or_default() += 1;
        }
    }
    for link in project.links() {
        if !matches!(link.kind, LinkKind::Contradicts | LinkKind::Updates)
            || link.resolution != Resolution::Open
        {
            continue;
        }
        let measure = link.members.iter().find_map(|c| {
            let claim = project.claim(*c)?;
            if !inside(claim.article_id) {
                return None;
            }
            data.figures
                .iter()
                .find(|t| {
                    t.article == claim.article_id
                        && t.figure.start >= claim.start
                        && t.figure.end <= claim.end
                })
                .map(|t| t.figure.measure)
        });
        if let Some(m) = measure {
            *count.entry(m).or_default() += 1;
        }
    }
    count
}

/// The story the tab shows: the one chosen, else the active column's, else the largest;
/// none until the stories are found.
fn story_shown<'f>(
    view: &TimelineView,
    figures: &'f FiguresCache,
    focus: Option<ArticleId>,
) -> Option<&'f Story> {
    view.story
        .as_deref()
        .and_then(|k| figures.story(k))
        .or_else(|| focus.and_then(|a| figures.story_of(a)))
        .or_else(|| {
            figures
                .stories
                .iter()
                .max_by_key(|s| (s.articles.len(), std::cmp::Reverse(s.articles[0])))
        })
}

/// Draws the tab. `focus` is the article of the active column.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &mut TimelineView,
    figures: &FiguresCache,
    focus: Option<ArticleId>,
    commands: &mut Vec<Command>,
) {
    let story = story_shown(view, figures, focus);
    if figures.stories.len() > 1 {
        story_picker(ui, view, figures, story);
    }
    view.ensure_scope(project, figures, story);
    let Some(scope) = view.scope.take() else {
        return;
    };
    let members = scope.articles.clone();
    let Some(measure) = scope.measure else {
        ui.weak(
            "No measure has two figures placed in time yet. Articles need a publication date \
             (Article details…) or a dateline, or sentences that say when (\"as of 6 pm\").",
        );
        articles_ui(ui, project, &view.data, members.as_ref(), commands);
        view.scope = Some(scope);
        return;
    };
    // The chart on the left, the articles beside it: a bottom panel is wide, not tall.
    let full = ui.available_width();
    let chart_width = (full * 0.62).max(240.0).min(full);
    ui.horizontal_top(|ui| {
        ui.allocate_ui(vec2(chart_width, ui.available_height()), |ui| {
            ui.vertical(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label("Measure:");
                    for &(m, n, open) in &scope.measures {
                        let text = match open {
                            0 => format!("{} ({n})", m.as_str()),
                            c => format!("{} ({n}, {c} open)", m.as_str()),
                        };
                        if ui.selectable_label(m == measure, text).clicked() {
                            view.measure = Some(m);
                        }
                    }
                });
                view.ensure_outlets(measure);
                let figs: Vec<&TimedFigure> =
                    scope.axis.iter().map(|&i| &view.data.figures[i]).collect();
                if let Some((_, names, index)) = &view.outlets {
                    chart(ui, project, figures, &figs, measure, index, commands);
                    legend(ui, names);
                }
                independent_sources_ui(ui, figures, &figs);
                apart_ui(ui, &view.data, &scope.apart, measure, commands);
            });
        });
        ui.separator();
        ui.vertical(|ui| articles_ui(ui, project, &view.data, members.as_ref(), commands));
    });
    view.scope = Some(scope);
}

/// The Story box above the chart.
fn story_picker(
    ui: &mut egui::Ui,
    view: &mut TimelineView,
    figures: &FiguresCache,
    shown: Option<&Story>,
) {
    let mut order: Vec<&Story> = figures.stories.iter().collect();
    order.sort_by_key(|s| (std::cmp::Reverse(s.articles.len()), s.articles[0]));
    let name = |s: &Story| {
        format!(
            "{} ({})",
            s.label,
            super::plural::count(s.articles.len(), "article")
        )
    };
    ui.horizontal(|ui| {
        let label = ui.label("Story:");
        let mut chosen = shown.map(|s| s.key.clone());
        egui::ComboBox::from_id_salt("timeline-story")
            .selected_text(shown.map_or_else(String::new, name))
            .width(320.0)
            .truncate()
            .show_ui(ui, |ui| {
                for s in order {
                    ui.selectable_value(&mut chosen, Some(s.key.clone()), name(s));
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != shown.map(|s| s.key.clone()) {
            view.story = chosen;
            view.measure = None;
        }
        if let Some(s) = shown
            && let (Some(a), Some(b)) = (&s.start, &s.end)
        {
            ui.weak(if a == b {
                crate::model::display_date(a)
            } else {
                format!(
                    "{} to {}",
                    crate::model::display_date(a),
                    crate::model::display_date(b)
                )
            });
        }
    });
}

/// The story's figures of the measure that are not on its axis: another event's, or true at
/// a time outside the story's days. Listed, never drawn; a click shows one in a column.
fn apart_ui(
    ui: &mut egui::Ui,
    data: &Timeline,
    apart: &[usize],
    measure: Measure,
    commands: &mut Vec<Command>,
) {
    if apart.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!(
        "Not on this axis: {} of another event or time",
        super::plural::count(apart.len(), measure.as_str())
    ))
    .id_salt("timeline apart")
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("timeline apart list")
            .max_height(120.0)
            .show(ui, |ui| {
                for &i in apart {
                    let t = &data.figures[i];
                    let f = &t.figure;
                    let why = match &f.elsewhere {
                        Some(_) => "another event".to_owned(),
                        None => f.as_of.map_or("time unknown".to_owned(), |w| w.label()),
                    };
                    let title = data.article(t.article).map_or("", |a| a.title.as_str());
                    ui.horizontal(|ui| {
                        if ui.link(f.text.as_str()).clicked() {
                            commands.push(Command::RevealSelected {
                                article: t.article,
                                start: f.start,
                                end: f.end,
                            });
                        }
                        ui.weak(format!("{why} · {title}"));
                    });
                }
            });
    });
}

/// Which colour is which outlet.
fn legend(ui: &mut egui::Ui, names: &[String]) {
    ui.horizontal_wrapped(|ui| {
        for (k, name) in names.iter().enumerate() {
            // A painted dot: the fonts have no bullet glyph.
            let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
            ui.painter().circle_filled(r.center(), 4.0, color_at(k));
            ui.small(name);
        }
    });
}

/// Where each drawn figure is, for hovering and for drawing links.
struct Mark<'a> {
    fig: &'a TimedFigure,
    x: f32,
    top: f32,
    bottom: f32,
}

fn chart(
    ui: &mut egui::Ui,
    project: &Project,
    cache: &FiguresCache,
    figs: &[&TimedFigure],
    measure: Measure,
    outlet: &HashMap<ArticleId, usize>,
    commands: &mut Vec<Command>,
) {
    let Some((t0, t1)) = extent(figs) else {
        return;
    };
    let width = ui.available_width().max(200.0);
    let height = (ui.available_height() - 30.0).clamp(120.0, 220.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let plot = Rect::from_min_max(rect.min + vec2(48.0, 10.0), rect.max - vec2(12.0, 24.0));
    let span = seconds_between(t0, t1).max(60.0);
    // The value axis: from zero (or the lowest value) to the highest finite end.
    let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
    for t in figs {
        let f = &t.figure;
        lo = lo.min(f.low.unwrap_or(0.0));
        hi = hi.max(f.high.unwrap_or(f.value)).max(f.value);
    }
    let lo = lo.min(0.0);
    let hi = if hi <= lo { lo + 1.0 } else { hi * 1.1 };
    let x_of = |when: jiff::civil::DateTime| {
        plot.left() + (seconds_between(t0, when) / span) as f32 * plot.width()
    };
    let y_of = |v: f64| plot.bottom() - ((v - lo) / (hi - lo)) as f32 * plot.height();
    let text_color = visuals.weak_text_color();
    let font = egui::FontId::proportional(11.0);
    // Axes: value ticks at 0, half and top; time labels at both ends.
    for v in [lo, (lo + hi / 1.1) / 2.0, hi / 1.1] {
        let y = y_of(v);
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0, visuals.faint_bg_color),
        );
        painter.text(
            pos2(plot.left() - 6.0, y),
            egui::Align2::RIGHT_CENTER,
            crate::analysis::fmt_number(v.round()),
            font.clone(),
            text_color,
        );
    }
    let label =
        |d: jiff::civil::DateTime| format!("{} {:02}:{:02}", d.date(), d.hour(), d.minute());
    painter.text(
        pos2(plot.left(), plot.bottom() + 4.0),
        egui::Align2::LEFT_TOP,
        label(t0),
        font.clone(),
        text_color,
    );
    painter.text(
        pos2(plot.right(), plot.bottom() + 4.0),
        egui::Align2::RIGHT_TOP,
        label(t1),
        font.clone(),
        text_color,
    );
    // One bar per figure. Marks that would land on the same pixels as one already drawn are
    // drawn once (thousands of reports repeat a few tolls), and shapes go to the painter in
    // one batch.
    let mut marks: Vec<Mark> = Vec::new();
    let mut shapes: Vec<egui::Shape> = Vec::new();
    let mut drawn: std::collections::HashSet<(i32, i32, i32, i32, [u8; 4])> =
        std::collections::HashSet::new();
    for &t in figs {
        let f = &t.figure;
        let Some(w) = f.as_of else { continue };
        let (xa, xb) = (x_of(w.start), x_of(w.end));
        let x = (xa + xb) / 2.0;
        let bottom = y_of(f.low.unwrap_or(0.0));
        let open_top = f.high.is_none();
        let top = if open_top {
            plot.top()
        } else {
            y_of(f.high.unwrap_or(f.value)).min(bottom - 3.0)
        };
        marks.push(Mark {
            fig: t,
            x,
            top,
            bottom,
        });
        let color = color_at(outlet.get(&t.article).copied().unwrap_or(0));
        let at = (
            x as i32,
            xa as i32,
            bottom as i32,
            top as i32,
            color.to_array(),
        );
        if !drawn.insert(at) {
            continue;
        }
        // A span of time wider than the mark (`on Tuesday`) shows as a faint band.
        if xb - xa > 6.0 {
            shapes.push(egui::Shape::line_segment(
                [pos2(xa, bottom), pos2(xb, bottom)],
                Stroke::new(1.5, color.gamma_multiply(0.3)),
            ));
        }
        if !open_top && bottom - top <= 3.5 {
            // An exact count: a dot.
            shapes.push(egui::Shape::circle_filled(pos2(x, bottom), 4.0, color));
        } else {
            shapes.push(egui::Shape::line_segment(
                [pos2(x, bottom), pos2(x, top)],
                Stroke::new(4.0, color),
            ));
        }
        if open_top {
            // An arrow head: no upper bound.
            shapes.push(egui::Shape::line_segment(
                [pos2(x - 4.0, top + 5.0), pos2(x, top)],
                Stroke::new(2.0, color),
            ));
            shapes.push(egui::Shape::line_segment(
                [pos2(x + 4.0, top + 5.0), pos2(x, top)],
                Stroke::new(2.0, color),
            ));
        }
    }
    painter.extend(shapes);
    // Tagged figures get a ring; links between them a line of their kind's colour.
    let mut at_claim: HashMap<ClaimId, Pos2> = HashMap::new();
    for m in &marks {
        let f = &m.fig.figure;
        if let Some(c) = covering_claim(project, m.fig.article, f.start, f.end) {
            let p = pos2(m.x, m.bottom);
            painter.circle_stroke(p, 6.0, Stroke::new(1.5, visuals.strong_text_color()));
            at_claim.insert(c, p);
        }
    }
    for link in project.links() {
        let points: Vec<Pos2> = link
            .members
            .iter()
            .filter_map(|c| at_claim.get(c).copied())
            .collect();
        for pair in points.windows(2) {
            painter.line_segment([pair[0], pair[1]], Stroke::new(1.5, kind_color(link.kind)));
        }
    }
    // Hover: the nearest bar within a few points.
    let hovered = response.hover_pos().and_then(|p| {
        marks
            .iter()
            .filter(|m| (m.x - p.x).abs() < 6.0 && p.y >= m.top - 6.0 && p.y <= m.bottom + 6.0)
            .min_by(|a, b| (a.x - p.x).abs().total_cmp(&(b.x - p.x).abs()))
    });
    if let Some(m) = hovered {
        painter.line_segment(
            [pos2(m.x, m.bottom), pos2(m.x, m.top)],
            Stroke::new(6.0, visuals.selection.stroke.color),
        );
        let f = &m.fig.figure;
        let article = project.article(m.fig.article);
        let sentence: String = article
            .map(|a| {
                a.text
                    .chars()
                    .skip(f.sentence_start)
                    .take(f.sentence_end - f.sentence_start)
                    .collect()
            })
            .unwrap_or_default();
        let title = article.map_or(String::new(), |a| a.title.clone());
        let when = f.as_of.map_or(String::new(), |w| w.label());
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            ui.strong(format!("{} {} · as of {when}", f.text, measure.as_str()));
            ui.label(format!("{} {}", f.interval_string(), title));
            if let Some(s) = cache.sources_of(m.fig.article, f.start) {
                ui.label(s.describe());
            }
            ui.weak(sentence);
            ui.weak("Click to open it in a column.");
        });
        if response.clicked() {
            commands.push(Command::RevealSelected {
                article: m.fig.article,
                start: f.start,
                end: f.end,
            });
        }
    }
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Timeline of {} ({} figures)", measure.as_str(), marks.len()),
        )
    });
}

/// One line per figure of the chart that several articles report: how many outlets and how
/// many independent sources (copies of one text count once).
fn independent_sources_ui(ui: &mut egui::Ui, cache: &FiguresCache, figs: &[&TimedFigure]) {
    let mut seen: Vec<&crate::analysis::reuse::FigureSources> = Vec::new();
    for t in figs {
        if let Some(s) = cache.sources_of(t.article, t.figure.start)
            && !seen.iter().any(|x| std::ptr::eq(*x, s))
        {
            seen.push(s);
        }
    }
    for s in seen.into_iter().take(6) {
        let text = egui::RichText::new(format!("{}: {}", s.label, s.describe())).small();
        ui.label(if s.independent < s.outlets {
            text.strong()
        } else {
            text.weak()
        });
    }
}

/// The earliest start and latest end of the figures' times.
fn extent(figs: &[&TimedFigure]) -> Option<(jiff::civil::DateTime, jiff::civil::DateTime)> {
    let mut it = figs.iter().filter_map(|t| t.figure.as_of);
    let first = it.next()?;
    Some(it.fold((first.start, first.end), |(a, b), w| {
        (a.min(w.start), b.max(w.end))
    }))
}

/// The articles (of the story, when given) in the order they speak, with their time
/// expressions.
fn articles_ui(
    ui: &mut egui::Ui,
    project: &Project,
    data: &Timeline,
    only: Option<&HashSet<ArticleId>>,
    commands: &mut Vec<Command>,
) {
    let date_category = category_named(project, "Date");
    egui::ScrollArea::vertical()
        .id_salt("timeline articles")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for a in data
                .articles
                .iter()
                .filter(|a| only.is_none_or(|set| set.contains(&a.id)))
            {
                let when = a.speaks_at.map_or("time unknown".to_owned(), |w| w.label());
                let outlet = a
                    .outlet
                    .as_deref()
                    .map_or(String::new(), |o| format!(" · {o}"));
                egui::CollapsingHeader::new(format!("{when} — {}{outlet}", a.title))
                    .id_salt(("timeline article", a.id))
                    .show(ui, |ui| {
                        if ui.link("Open").clicked() {
                            commands.push(Command::ShowArticle {
                                article: a.id,
                                new_column: false,
                            });
                        }
                        if a.times.is_empty() {
                            ui.weak("No time expressions.");
                        }
                        for t in &a.times {
                            ui.horizontal(|ui| {
                                ui.label(format!("“{}”: {}", t.text, t.when.label()));
                                let covered =
                                    covering_claim(project, a.id, t.start, t.end).is_some();
                                let tag = ui
                                    .add_enabled(!covered, egui::Button::new("Tag as Date"))
                                    .on_hover_text(
                                        "Make this time expression a claim of the Date category",
                                    )
                                    .on_disabled_hover_text("Already inside a claim");
                                if tag.clicked()
                                    && let Some(edit) =
                                        date_edit(project, a.id, t.start, t.end, date_category)
                                {
                                    commands.push(Command::Edit {
                                        label: "Tag date".into(),
                                        edit,
                                        coalesce: None,
                                    });
                                }
                            });
                        }
                    });
            }
        });
}

/// The edit that tags `start..end` of an article as a claim of the Date category.
fn date_edit(
    project: &Project,
    article: ArticleId,
    start: usize,
    end: usize,
    category: Option<crate::model::CategoryId>,
) -> Option<Edit> {
    let mut claim = project.make_claim(article, start, end, category).ok()?;
    claim.id = project.next_claim_id();
    Some(Edit::PutClaim(claim))
}
