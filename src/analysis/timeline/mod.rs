//! The timeline of a project: when each article speaks, its time expressions, and every
//! figure with the time it was true, ready to be drawn per measure (the Timeline tab, the
//! report's charts). Free of egui.

use crate::analysis::figures::{Figure, FigureOptions, Measure, extract_figures};
use crate::analysis::time::{TimeExpr, When, article_anchor, find_times};
use crate::model::{Article, ArticleId};
use jiff::ToSpan;
use jiff::civil::DateTime;
use std::collections::HashSet;

/// How many days before a story's first article its figures may be true and still be drawn
/// on its axis.
pub const STORY_DAYS_BEFORE: i64 = 14;

/// Colours for outlets on timeline charts (the window's and the report's), in the order
/// outlets first appear, so the first eight never share one.
pub const OUTLET_PALETTE: [(u8, u8, u8); 8] = [
    (0x1f, 0x77, 0xb4),
    (0xd6, 0x27, 0x28),
    (0x2c, 0xa0, 0x2c),
    (0xff, 0x7f, 0x0e),
    (0x94, 0x67, 0xbd),
    (0x8c, 0x56, 0x4b),
    (0xe3, 0x77, 0xc2),
    (0x17, 0xbe, 0xcf),
];

/// One article on the timeline.
#[derive(Clone, Debug)]
pub struct TimelineArticle {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    /// When the article speaks (its publication date-time, else its dateline).
    pub speaks_at: Option<When>,
    /// Its resolved time expressions, in text order.
    pub times: Vec<TimeExpr>,
}

/// A figure placed in time.
#[derive(Clone, Debug)]
pub struct TimedFigure {
    pub article: ArticleId,
    pub figure: Figure,
}

/// Articles in time order and their figures.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// Dated articles first, oldest first; undated ones after, in id order.
    pub articles: Vec<TimelineArticle>,
    pub figures: Vec<TimedFigure>,
}

impl Timeline {
    /// Reads every article: its time, its time expressions and its figures.
    pub fn of(articles: &[Article]) -> Timeline {
        let mut out = Timeline::default();
        for a in articles {
            let published = a.published.as_deref();
            let speaks_at = article_anchor(published, &a.text);
            let opts = FigureOptions::for_published(published);
            out.figures
                .extend(
                    extract_figures(&a.text, &opts)
                        .into_iter()
                        .map(|figure| TimedFigure {
                            article: a.id,
                            figure,
                        }),
                );
            out.articles.push(TimelineArticle {
                id: a.id,
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                speaks_at,
                times: find_times(&a.text, speaks_at),
            });
        }
        out.articles
            .sort_by_key(|a| (a.speaks_at.is_none(), a.speaks_at.map(|w| w.start), a.id));
        out
    }

    /// The figures of one measure that can be drawn: placed in time, about the story (not
    /// another event), with a finite lower end.
    pub fn series(&self, measure: Measure) -> impl Iterator<Item = &TimedFigure> {
        self.figures.iter().filter(move |t| {
            t.figure.measure == measure
                && t.figure.as_of.is_some()
                && t.figure.elsewhere.is_none()
                && t.figure.low.is_some()
        })
    }

    /// Measures that have at least two placed figures, with how many, most first; event
    /// counts before money, percentages and other quantities.
    pub fn measures(&self) -> Vec<(Measure, usize)> {
        let mut v: Vec<(Measure, usize)> = Measure::ALL
            .into_iter()
            .map(|m| (m, self.series(m).count()))
            .filter(|&(_, n)| n >= 2)
            .collect();
        v.sort_by_key(|&(m, n)| (!m.is_event(), std::cmp::Reverse(n), m));
        v
    }

    /// The time axis of a measure: earliest start and latest end of its figures.
    pub fn extent(&self, measure: Measure) -> Option<(DateTime, DateTime)> {
        let mut it = self.series(measure).filter_map(|t| t.figure.as_of);
        let first = it.next()?;
        Some(it.fold((first.start, first.end), |(a, b), w| {
            (a.min(w.start), b.max(w.end))
        }))
    }

    /// The days a story covers: from two weeks before its first article speaks to a day after
    /// its last, so the figures of the days it reports fit and a toll years earlier does not.
    /// `None` when none of its articles is placed in time.
    pub fn story_window(&self, articles: &HashSet<ArticleId>) -> Option<(DateTime, DateTime)> {
        let mut times = self
            .articles
            .iter()
            .filter(|a| articles.contains(&a.id))
            .filter_map(|a| a.speaks_at);
        let first = times.next()?;
        let (start, end) = times.fold((first.start, first.end), |(a, b), w| {
            (a.min(w.start), b.max(w.end))
        });
        Some((
            start.checked_sub(STORY_DAYS_BEFORE.days()).unwrap_or(start),
            end.checked_add(1.days()).unwrap_or(end),
        ))
    }

    /// One measure's figures in a story (every article when `articles` is `None`), as
    /// positions in [`Timeline::figures`]: those
    /// drawn on its time axis, and those listed apart — put in another event by the text
    /// (`elsewhere`), or true at a time outside the story's `window`.
    pub fn story_series(
        &self,
        measure: Measure,
        articles: Option<&HashSet<ArticleId>>,
        window: Option<(DateTime, DateTime)>,
    ) -> (Vec<usize>, Vec<usize>) {
        let mut axis = Vec::new();
        let mut apart = Vec::new();
        for (i, t) in self.figures.iter().enumerate() {
            let f = &t.figure;
            if f.measure != measure || articles.is_some_and(|set| !set.contains(&t.article)) {
                continue;
            }
            let Some(when) = f.as_of else { continue };
            let inside = window.is_none_or(|(a, b)| when.end > a && when.start < b);
            if f.elsewhere.is_some() || !inside {
                apart.push(i);
            } else if f.low.is_some() {
                axis.push(i);
            }
        }
        (axis, apart)
    }

    /// The article with this id.
    pub fn article(&self, id: ArticleId) -> Option<&TimelineArticle> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// Seconds from `from` to `to`, for placing times on an axis.
pub fn seconds_between(from: DateTime, to: DateTime) -> f64 {
    to.duration_since(from).as_secs_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_in_time_order_and_series_without_other_events() {
        let article = |id: ArticleId, published: Option<&str>, text: &str| Article {
            published: published.map(str::to_owned),
            ..Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text)
        };
        let later = article(
            1,
            Some("2024-05-07"),
            "As of 6 pm on Monday, 11 people had been killed. In 2004, 334 people died.",
        );
        let earlier = article(
            2,
            Some("2024-05-06T09:00"),
            "At least 5 people were killed on Sunday night.",
        );
        let undated = article(3, None, "Three people were killed.");
        let t = Timeline::of(&[later, earlier, undated]);
        let order: Vec<ArticleId> = t.articles.iter().map(|a| a.id).collect();
        assert_eq!(order, [2, 1, 3]);
        let killed: Vec<f64> = t.series(Measure::Killed).map(|f| f.figure.value).collect();
        // 334 belongs to 2004; the undated article's figure has no time.
        assert_eq!(killed, [11.0, 5.0]);
        assert_eq!(t.measures(), [(Measure::Killed, 2)]);
        let (a, b) = t.extent(Measure::Killed).expect("an extent");
        assert_eq!(a.to_string(), "2024-05-05T21:00:00");
        assert!(seconds_between(a, b) > 0.0);
    }
}
