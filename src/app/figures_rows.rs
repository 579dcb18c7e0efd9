//! The Figures view as a flat list of rows of known height, rebuilt only when the analysis,
//! the project or an expanded section changes, so each frame draws just the rows on screen
//! (a folder of thousands of articles has tens of thousands of rows).

use super::figures_job::Figures;
use super::figures_ranked::Ranked;
use super::interval_chart::{chart_groups, chart_height, magnitude};
use crate::analysis::conflicts::RankedConflict;
use crate::analysis::{self, ConflictSuggestion, Measure, MeasureSummary};
use crate::model::{ArticleId, Project};
use std::collections::{HashMap, HashSet};

/// Suggestions at least this likely are shown before the collapsed rest.
pub const TOP_SCORE: f64 = 0.5;
/// At most this many suggestions are shown before the collapsed rest.
pub const MAX_TOP: usize = 10;
/// At least this many (when there are any) are shown, however low they score.
pub const MIN_TOP: usize = 3;
/// At most this many suggestions of one story are shown before the collapsed rest, so the
/// first screen of a month of news spans its stories.
pub const PER_STORY_TOP: usize = 3;

/// A part of the view that opens and closes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The less likely suggestions.
    More,
    /// The less likely suggestions of one measure (and unit) with many values.
    Summary(Measure, Option<String>),
    /// The figures of one measure.
    Measure(Measure),
}

impl Section {
    fn open_by_default(&self) -> bool {
        matches!(self, Section::Measure(m) if m.is_event())
    }
}

/// One line (or block) of the view.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// "Suggested conflicts (N)".
    Title(String),
    /// A weak line of explanation.
    Note(String),
    /// A suggestion, by index into the cache's ranked suggestions (written out when drawn).
    Suggestion(usize),
    /// A header that opens or closes `section`.
    Toggle {
        section: Section,
        label: String,
        open: bool,
        indent: bool,
    },
    /// The interval chart of some of one measure's figures (one unit, one order of magnitude:
    /// see [`chart_groups`]), as (article index, figure index).
    Chart(Vec<(usize, usize)>),
    /// One figure: (article index, figure index) into the cache's figures.
    Figure(usize, usize),
    Separator,
}

impl Row {
    /// The height the row takes, in points.
    pub fn height(&self) -> f32 {
        match self {
            Row::Title(_) => 26.0,
            Row::Note(_) | Row::Toggle { .. } | Row::Figure(..) => 22.0,
            Row::Suggestion(_) => 46.0,
            Row::Chart(f) => chart_height(f.len()) + 6.0,
            Row::Separator => 10.0,
        }
    }
}

/// What the rows were built from, to know when to rebuild them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowsKey {
    pub generation: u64,
    pub revision: u64,
    pub toggles: u64,
}

/// The rows and where each starts.
#[derive(Debug, Default)]
pub struct Rows {
    pub key: Option<RowsKey>,
    pub rows: Vec<Row>,
    /// Top of each row from the top of the list; one more entry for the total height.
    pub tops: Vec<f32>,
    /// Figures taking part in an open suggestion, to mark them: one flag per figure, the
    /// figures of article `a` starting at `first_figure[a]` (a year of news has hundreds of
    /// thousands of suggestions naming millions of figures: a hash set of them took seconds).
    in_conflict: Vec<bool>,
    first_figure: Vec<usize>,
}

impl Rows {
    /// Index range of the rows overlapping `y0..y1` (points from the top of the list).
    pub fn visible(&self, y0: f32, y1: f32) -> std::ops::Range<usize> {
        let n = self.rows.len();
        let first = self.tops[..n]
            .partition_point(|&t| t <= y0)
            .saturating_sub(1);
        let last = self.tops[..n].partition_point(|&t| t < y1);
        first..last.max(first)
    }

    /// Whether figure `f` of article `a` (indices into the figures) takes part in an open
    /// suggestion.
    pub fn in_conflict(&self, a: usize, f: usize) -> bool {
        self.first_figure
            .get(a)
            .and_then(|&first| self.in_conflict.get(first + f))
            .copied()
            .unwrap_or(false)
    }

    /// Total height of all rows.
    pub fn height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }
}

/// Which sections the user opened or closed, against their default.
#[derive(Debug, Default)]
pub struct Toggles {
    flipped: HashMap<Section, bool>,
    /// Bumped on each change, part of [`RowsKey`].
    pub count: u64,
}

impl Toggles {
    /// Whether `s` is open now.
    pub fn is_open(&self, s: &Section) -> bool {
        self.flipped
            .get(s)
            .copied()
            .unwrap_or_else(|| s.open_by_default())
    }

    /// Opens a closed section or closes an open one.
    pub fn flip(&mut self, s: &Section) {
        let open = !self.is_open(s);
        self.flipped.insert(s.clone(), open);
        self.count += 1;
    }
}

/// Writes out a ranked suggestion (see [`super::figures_cache::FiguresCache::suggestion`]).
pub type Write<'a> = dyn Fn(&RankedConflict) -> Option<ConflictSuggestion> + 'a;

/// The suggestions closed in `project` (dismissed, or already linked), ascending. A folder
/// where nothing is dismissed or linked has none, found without reading the suggestions.
pub fn closed_suggestions(
    project: &Project,
    ranked: &Ranked,
    write: &Write<'_>,
    figures: &[(ArticleId, Figures)],
) -> Vec<usize> {
    let dismissed = project.dismissed();
    let linked: HashSet<ArticleId> = project
        .links()
        .flat_map(|l| &l.members)
        .filter_map(|c| project.claim(*c))
        .map(|c| c.article_id)
        .collect();
    if dismissed.is_empty() && linked.is_empty() {
        return Vec::new();
    }
    // Only a suggestion with an article holding a linked claim on each side can be covered;
    // checking that first keeps rebuilding the rows after an edit fast on large folders, and
    // only those are written out to check.
    let linked_at: Vec<bool> = figures.iter().map(|(id, _)| linked.contains(id)).collect();
    let touches = |side: &[(u32, u32)]| {
        side.iter()
            .any(|&(a, _)| linked_at.get(a as usize).copied().unwrap_or(false))
    };
    let maybe_covered = |r: &RankedConflict| {
        let (first, second) = r.sides();
        touches(first) && touches(second)
    };
    let covered = |r: &RankedConflict| {
        maybe_covered(r) && write(r).is_some_and(|s| analysis::is_covered(project, &s))
    };
    ranked
        .iter()
        .enumerate()
        .filter(|(_, r)| (!dismissed.is_empty() && dismissed.contains(&r.key)) || covered(r))
        .map(|(i, _)| i)
        .collect()
}

/// What the analysis found so far, as the rows read it.
#[derive(Clone, Copy)]
pub struct Found<'a> {
    /// The suggestions, best first.
    pub ranked: &'a Ranked,
    pub summaries: &'a [MeasureSummary],
    pub figures: &'a [(ArticleId, Figures)],
    /// Every figure by measure: empty until all are found.
    pub by_measure: &'a [(Measure, Vec<(usize, usize)>)],
    /// How many suggestions name each figure, the figures of all articles in a row.
    pub suggested: &'a [u32],
}

/// Builds the rows: the likeliest suggestions (at most [`PER_STORY_TOP`] of a story), the rest
/// collapsed (measures with many values as one summary line each), then the figures by measure
/// (`by_measure`, empty until every figure is found).
///
/// This runs on the UI thread each time a batch of suggestions arrives, so it reads only as far
/// into the suggestions as the first page needs while the rest is collapsed.
pub fn build(project: &Project, found: &Found<'_>, write: &Write<'_>, toggles: &Toggles) -> Rows {
    let Found {
        ranked,
        summaries,
        figures,
        by_measure,
        suggested,
    } = *found;
    let closed = closed_suggestions(project, ranked, write, figures);
    let open_count = ranked.len() - closed.len();
    let open = (0..ranked.len()).filter(|i| closed.binary_search(i).is_err());
    let mut rows = vec![Row::Title(format!("Suggested conflicts ({open_count})"))];
    if open_count == 0 {
        rows.push(Row::Note(
            "No figures disagree across the articles (or every suggestion was dismissed).".into(),
        ));
    }
    // The likeliest suggestions, a few per story; the rest keep their order below (listed
    // only when open: a year of news has hundreds of thousands).
    let more = Section::More;
    let more_open = toggles.is_open(&more);
    let mut per_story: HashMap<Option<u32>, usize> = HashMap::new();
    let (mut top, mut rest) = (Vec::new(), Vec::new());
    let mut open = open.peekable();
    while let Some(&i) = open.peek() {
        if top.len() == MAX_TOP {
            if more_open {
                rest.extend(open);
            }
            break;
        }
        open.next();
        let Some(s) = ranked.get(i) else { continue };
        let shown = per_story.entry(s.story).or_default();
        let likely = s.score >= TOP_SCORE || top.len() < MIN_TOP;
        if *shown < PER_STORY_TOP && likely {
            top.push(i);
            *shown += 1;
        } else if more_open {
            rest.push(i);
        }
    }
    rows.extend(top.iter().map(|&i| Row::Suggestion(i)));
    let rest_count = open_count - top.len();
    if rest_count > 0 {
        rows.push(Row::Toggle {
            label: format!("{rest_count} more, less likely"),
            open: more_open,
            section: more,
            indent: false,
        });
        if more_open {
            rest_rows(&mut rows, &rest, ranked, figures, summaries, toggles);
        }
    }
    rows.push(Row::Separator);

    for (measure, list) in by_measure {
        let measure = *measure;
        let section = Section::Measure(measure);
        let is_open = toggles.is_open(&section);
        rows.push(Row::Toggle {
            label: format!("{} ({})", measure.as_str(), list.len()),
            open: is_open,
            section,
            indent: false,
        });
        if is_open {
            let figure = |(a, f): (usize, usize)| figures.get(a).and_then(|(_, v)| v.get(f));
            let groups = chart_groups(list, |k| figure(k).map(|f| (f.unit.clone(), magnitude(f))));
            rows.extend(groups.into_iter().map(Row::Chart));
            rows.extend(list.iter().map(|&(a, f)| Row::Figure(a, f)));
        }
    }

    let mut tops = Vec::with_capacity(rows.len() + 1);
    let mut y = 0.0;
    for r in &rows {
        tops.push(y);
        y += r.height();
    }
    tops.push(y);
    let mut first_figure = Vec::with_capacity(figures.len());
    let mut n = 0;
    for (_, figs) in figures {
        first_figure.push(n);
        n += figs.len();
    }
    // How many suggestions name each figure came counted with the figures (off the UI
    // thread); the closed ones are taken off here. No figure rows, no marks needed.
    let mut in_conflict = Vec::new();
    if !by_measure.is_empty() && suggested.len() == n {
        let mut count = suggested.to_vec();
        for &(a, f) in closed
            .iter()
            .filter_map(|&i| ranked.get(i))
            .filter(|r| r.disagrees())
            .flat_map(|r| &r.figures)
        {
            if let Some(&first) = first_figure.get(a as usize)
                && let Some(c) = count.get_mut(first + f as usize)
            {
                *c = c.saturating_sub(1);
            }
        }
        in_conflict = count.into_iter().map(|c| c > 0).collect();
    }
    Rows {
        key: None,
        rows,
        tops,
        in_conflict,
        first_figure,
    }
}

/// A measure and, for money and percentages, its unit.
type MeasureKey = (Measure, Option<String>);

/// The less likely suggestions, grouped by measure in order of their best; a measure with many
/// values and several suggestions becomes one summary line that opens to them.
fn rest_rows(
    rows: &mut Vec<Row>,
    rest: &[usize],
    ranked: &Ranked,
    figures: &[(ArticleId, Figures)],
    summaries: &[MeasureSummary],
    toggles: &Toggles,
) {
    let unit_of = |s: &RankedConflict| -> Option<String> {
        if s.measure.is_event() {
            None
        } else {
            let &(a, f) = s.figures.first()?;
            figures.get(a as usize)?.1.get(f as usize)?.unit.clone()
        }
    };
    let mut groups: Vec<(MeasureKey, Vec<usize>)> = Vec::new();
    for &i in rest {
        let Some(r) = ranked.get(i) else { continue };
        let k = (r.measure, unit_of(r));
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, v)) => v.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    for ((measure, unit), list) in groups {
        let summary = summaries
            .iter()
            .find(|s| s.measure == measure && s.unit == unit && s.is_many());
        match summary {
            Some(sum) if list.len() > 1 => {
                let section = Section::Summary(measure, unit);
                let is_open = toggles.is_open(&section);
                rows.push(Row::Toggle {
                    label: format!(
                        "{} · {}",
                        sum.label,
                        super::plural::count(list.len(), "suggestion")
                    ),
                    open: is_open,
                    section,
                    indent: true,
                });
                if is_open {
                    rows.extend(list.into_iter().map(Row::Suggestion));
                }
            }
            _ => rows.extend(list.into_iter().map(Row::Suggestion)),
        }
    }
}
