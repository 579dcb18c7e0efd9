//! A ranked suggestion and the sentences written for it.
//!
//! Ranking a folder's disagreements is cheap; writing each one out (the reason at a glance, the
//! lines naming both sides by path and by title, copies of the figures) is what costs: a year
//! of news gives hundreds of thousands of suggestions, and writing them all took seconds and a
//! gigabyte. So ranking keeps a [`RankedConflict`] — indices into the figures, the score, the
//! key — and [`write_conflict`] writes the full [`ConflictSuggestion`] only for the ones a
//! person looks at (the window) or a script asks for (the command line writes them all).

use super::reason::{Relation, glance};
use crate::analysis::figures::{Figure, Measure};
use crate::analysis::reuse::Reuse;
use crate::model::{Article, ArticleId, LinkKind};
use serde::Serialize;

/// A figure taking part in a suggestion, with the article it is in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SuggestedFigure {
    pub article_id: ArticleId,
    /// The article's path, for messages.
    pub article: String,
    pub figure: Figure,
}

/// A suggested link between figures of different articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictSuggestion {
    /// Stable identity for remembering a dismissal: measure, unit and the first figure
    /// (lowest article id, then offset) of each side, as `article_id@start-end`.
    pub key: String,
    pub measure: Measure,
    /// [`LinkKind::Contradicts`], or [`LinkKind::Updates`] when every article of one side is
    /// dated later than every article of the other.
    pub kind: LinkKind,
    /// How the sides relate, in words: `contradicts`, `updates`, `later lower` (a count that
    /// only rises went down), `part of` (the first side is a subgroup, place or site of the
    /// second; linked as `supports`), `about the same time` (clocks in unknown zones).
    pub relation: &'static str,
    /// The reason in one line a person can check at a glance: what both sides count, the two
    /// values and how they relate (`both count people killed in the quake; 24 vs 11; the
    /// later report is lower`).
    pub why: String,
    /// One line naming the articles by path (for the command line and scripts).
    pub reason: String,
    /// The same line naming the articles by title, dates as people read them (the window).
    pub headline: String,
    /// The figures of the first side, then of the second (for `updates`, older first).
    pub figures: Vec<SuggestedFigure>,
    /// How many of `figures` belong to the first side.
    pub first_side: usize,
    /// How likely both sides count the same thing, 0 to 1 (see [`super::rank`]): shared
    /// names, places, days and scope in the two sentences, and prominent positions, raise it.
    pub score: f64,
    /// The words that tie the best pair's two sentences (names, places, days, scope, the
    /// counted noun), as written.
    pub shared: Vec<String>,
    /// Figures of this disagreement left out of `figures`, which names at most
    /// [`MAX_FIGURES`] (the best-scoring ones).
    pub more_figures: usize,
    /// The key of the story (see [`crate::analysis::stories`]) both sides belong to, when
    /// the figures were compared within stories.
    pub story: Option<String>,
    /// Both sides are copies of one text (see [`super::between_copies`]): one copy changed the
    /// figure, which is not a disagreement between independent reports. Set by
    /// [`super::mark_copies`] once the text reuse is known; false until then.
    pub between_copies: bool,
}

/// A figure as (article index, figure index) into the articles a suggestion was ranked from.
pub type FigureAt = (u32, u32);

/// A suggestion ranked but not yet written out: what [`ConflictSuggestion`] holds, with the
/// figures as indices into the articles it was ranked from and no sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedConflict {
    /// See [`ConflictSuggestion::key`].
    pub key: String,
    pub measure: Measure,
    pub kind: LinkKind,
    pub(crate) relation: Relation,
    /// The reason at a glance names the second side first (the part before the whole).
    pub(crate) swap_glance: bool,
    /// See [`ConflictSuggestion::score`].
    pub score: f64,
    /// See [`ConflictSuggestion::shared`].
    pub shared: Vec<String>,
    /// (article index, figure index) into the articles ranked from: the first side, then
    /// the second, best first, at most [`super::MAX_FIGURES`].
    pub figures: Vec<FigureAt>,
    /// How many of `figures` belong to the first side.
    pub first_side: usize,
    /// Figures of this disagreement left out of `figures`.
    pub more_figures: usize,
    /// Per side, the first two articles it names (`u32::MAX` for none) and how many in all.
    pub(crate) named: [([u32; 2], u32); 2],
    /// The story both sides belong to, as an index into the stories ranked within.
    pub story: Option<u32>,
}

impl RankedConflict {
    /// False for a part of a whole (`six pupils` among `30 killed`): worth a look, but no
    /// disagreement, so its figures are not marked as in conflict.
    pub fn disagrees(&self) -> bool {
        self.relation != Relation::PartOf
    }

    /// The figures of the first side, then of the second.
    pub fn sides(&self) -> (&[FigureAt], &[FigureAt]) {
        self.figures
            .split_at(self.first_side.min(self.figures.len()))
    }

    /// Every article index the suggestion refers to (figures and the articles it names).
    pub fn article_indices(&self) -> impl Iterator<Item = u32> + '_ {
        self.figures.iter().map(|&(a, _)| a).chain(
            self.named
                .iter()
                .flat_map(|(lead, _)| lead.iter().copied())
                .filter(|&a| a != u32::MAX),
        )
    }

    /// Moves the indices from the articles of one story (`members[i]` is the folder index of
    /// the story's `i`-th article) to the folder's.
    pub(crate) fn remap(&mut self, members: &[usize]) {
        for (a, _) in &mut self.figures {
            *a = members[*a as usize] as u32;
        }
        for (lead, _) in &mut self.named {
            for a in lead.iter_mut().filter(|a| **a != u32::MAX) {
                *a = members[*a as usize] as u32;
            }
        }
    }
}

/// Writes out a ranked suggestion: the reason at a glance, the lines naming both sides, the
/// figures. `at(i)` gives the article and figures at index `i` of the articles it was ranked
/// from; `story` is the key of its story, if any.
pub fn write_conflict<'a>(
    at: impl Fn(usize) -> (&'a Article, &'a [Figure]),
    story: Option<&str>,
    r: &RankedConflict,
) -> ConflictSuggestion {
    let fig = |(a, f): (u32, u32)| &at(a as usize).1[f as usize];
    let (fa, fb) = (fig(r.figures[0]), fig(r.figures[r.first_side]));
    let (ga, gb) = if r.swap_glance { (fb, fa) } else { (fa, fb) };
    let why = glance(r.relation, r.measure, ga, gb);
    let line = |by_title: bool| {
        let (a, b) = (
            names(&at, &r.named[0], by_title),
            names(&at, &r.named[1], by_title),
        );
        let (da, db, ia, ib) = (
            describe(fa),
            describe(fb),
            fa.compared_interval_string(),
            fb.compared_interval_string(),
        );
        // Which times were compared, when the figures say.
        let (ta, tb) = (
            fa.as_of.map(|w| format!(", as of {}", w.label())),
            fb.as_of.map(|w| format!(", as of {}", w.label())),
        );
        let (ta, tb) = (ta.unwrap_or_default(), tb.unwrap_or_default());
        match r.relation {
            Relation::PartOf => format!("{da} ({a}{ta}) and {db} ({b}{tb}): {why}"),
            Relation::SameTime => format!(
                "{da} ({a}{ta}) and {db} ({b}{tb}): reported at about the same time, clocks in unknown zones"
            ),
            Relation::Updates => format!(
                "{da} ({a}{ta}) was later given as {db} ({b}{tb}): the intervals {ia} and {ib} do not overlap"
            ),
            Relation::LaterLower => format!(
                "{da} ({a}{ta}) was later given as a lower {db} ({b}{tb}): a count that only rises went down, a correction or a conflict"
            ),
            // Terms are compared in months (or weeks or days), whatever unit they are
            // written in, and the intervals say so.
            _ if r.measure == Measure::Jailed => format!(
                "{da} ({a}{ta}) vs {db} ({b}{tb}): the intervals {ia} and {ib} (in {}) do not overlap",
                fa.unit.as_deref().unwrap_or("months")
            ),
            _ => format!(
                "{da} ({a}{ta}) vs {db} ({b}{tb}): the intervals {ia} and {ib} do not overlap"
            ),
        }
    };
    let (reason, headline) = (line(false), line(true));
    let figures = r
        .figures
        .iter()
        .map(|&(a, f)| {
            let (art, figs) = at(a as usize);
            SuggestedFigure {
                article_id: art.id,
                article: art.path.clone(),
                figure: figs[f as usize].clone(),
            }
        })
        .collect();
    ConflictSuggestion {
        key: r.key.clone(),
        measure: r.measure,
        kind: r.kind,
        relation: r.relation.as_str(),
        why,
        reason,
        headline,
        figures,
        first_side: r.first_side,
        score: r.score,
        shared: r.shared.clone(),
        more_figures: r.more_figures,
        story: story.map(str::to_owned),
        between_copies: false,
    }
}

/// Like [`super::between_copies`] for a suggestion not yet written out: `id(i)` is the id of
/// the article at index `i`.
pub fn ranked_between_copies(
    r: &RankedConflict,
    id: impl Fn(usize) -> ArticleId,
    reuse: &Reuse,
) -> bool {
    let (first, second) = r.sides();
    !first.is_empty()
        && !second.is_empty()
        && first.iter().all(|x| {
            second
                .iter()
                .all(|y| reuse.same_family(id(x.0 as usize), id(y.0 as usize)))
        })
}

fn describe(f: &Figure) -> String {
    let mut t = f.text.clone();
    if f.qualifier.is_some() && t.chars().next().is_some_and(char::is_uppercase) {
        t = t.to_lowercase();
    }
    if f.measure.is_event() {
        format!("{t} {}", f.measure.as_str())
    } else if let Some(c) = f
        .counted
        .as_deref()
        .filter(|c| f.unit.is_none() && !t.ends_with(c))
    {
        format!("{t} {c}")
    } else {
        t
    }
}

/// The articles of one side, by path (for scripts) or by title (for people), with dates.
fn names<'a>(
    at: &impl Fn(usize) -> (&'a Article, &'a [Figure]),
    (lead, count): &([u32; 2], u32),
    by_title: bool,
) -> String {
    let mut s = lead
        .iter()
        .filter(|&&a| a != u32::MAX)
        .map(|&a| {
            let art = at(a as usize).0;
            let name = if by_title {
                short_title(&art.title)
            } else {
                art.path.clone()
            };
            match (&art.published, by_title) {
                (Some(d), true) => format!("{name}, {}", crate::model::display_date(d)),
                (Some(d), false) => format!("{name}, {d}"),
                (None, _) => name,
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    if *count > 2 {
        s.push_str(&format!(" and {} more", count - 2));
    }
    s
}

/// A title cut at a word to about 48 characters, so a suggestion stays one readable line.
fn short_title(title: &str) -> String {
    const MAX: usize = 48;
    if title.chars().count() <= MAX {
        return title.to_owned();
    }
    let cut: String = title.chars().take(MAX).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > MAX / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([',', ';', ':', ' ']))
}
