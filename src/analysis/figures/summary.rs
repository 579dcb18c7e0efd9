//! One line per measure for folders where many values of one measure exist ("17 tolls in 9
//! articles: 1 … 24"), so the Figures view can show a flood of values as one expandable line.

use super::figure::{Figure, Measure};
use crate::model::{Article, ArticleId};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many distinct values make a measure worth summarising in one line.
pub const MANY_VALUES: usize = 4;

/// The values one measure takes across a folder.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureSummary {
    pub measure: Measure,
    /// Currency for money, `%` or `percentage points` for percentages; `None` for counts.
    pub unit: Option<String>,
    /// The distinct values (each figure's number as written), ascending.
    pub values: Vec<f64>,
    /// The articles giving a value, ascending.
    pub articles: Vec<ArticleId>,
    /// How many figures give a value.
    pub figures: usize,
    /// The line people read: `17 tolls in 9 articles: 1 … 24`.
    pub label: String,
}

impl MeasureSummary {
    /// True when the measure has so many values that one line should stand for them.
    pub fn is_many(&self) -> bool {
        self.values.len() >= MANY_VALUES
    }
}

/// One summary per measure (and unit), in measure order. Figures placed in another event
/// ([`Figure::elsewhere`]) and conversions into another currency ([`Figure::converts`]) are
/// left out, as they are from suggestions.
pub fn summarize_measures(articles: &[(&Article, &[Figure])]) -> Vec<MeasureSummary> {
    type Acc = (Vec<f64>, Vec<ArticleId>, usize);
    let mut groups: BTreeMap<(Measure, Option<String>), Acc> = BTreeMap::new();
    for (article, figures) in articles {
        for f in figures.iter().filter(|f| f.is_story_report()) {
            let unit = if f.measure.is_event() {
                None
            } else {
                f.unit.clone()
            };
            let e = groups.entry((f.measure, unit)).or_default();
            e.0.push(f.value);
            e.1.push(article.id);
            e.2 += 1;
        }
    }
    groups
        .into_iter()
        .map(|((measure, unit), (mut values, mut ids, figures))| {
            values.sort_by(f64::total_cmp);
            values.dedup();
            ids.sort_unstable();
            ids.dedup();
            let label = label(measure, unit.as_deref(), &values, ids.len());
            MeasureSummary {
                measure,
                unit,
                values,
                articles: ids,
                figures,
                label,
            }
        })
        .collect()
}

fn label(measure: Measure, unit: Option<&str>, values: &[f64], articles: usize) -> String {
    let n = values.len();
    let noun = match measure {
        Measure::Killed => plural(n, "toll", "tolls"),
        Measure::Injured => plural(n, "count of injured", "counts of injured"),
        Measure::Casualties => plural(n, "casualty count", "casualty counts"),
        Measure::Arrested => plural(n, "count of arrests", "counts of arrests"),
        Measure::Missing => plural(n, "count of missing", "counts of missing"),
        Measure::Displaced => plural(n, "count of displaced", "counts of displaced"),
        Measure::Rescued => plural(n, "count of rescued", "counts of rescued"),
        Measure::Affected => plural(n, "count of affected", "counts of affected"),
        Measure::Money => plural(n, "sum", "sums"),
        Measure::Percent => plural(n, "percentage", "percentages"),
        Measure::Jailed => plural(n, "jail term", "jail terms"),
        Measure::Age => plural(n, "age", "ages"),
        Measure::Quantity => plural(n, "quantity", "quantities"),
    };
    let unit_name = match (measure, unit) {
        (Measure::Money, Some(u)) => format!(" ({u})"),
        _ => String::new(),
    };
    // Sums and shares as a reader writes them (`£11,000 … £1.2 million`); counts and units
    // as plain numbers, the unit being in the group's name or varying within it.
    let show = |v: f64| match measure {
        Measure::Money | Measure::Percent => super::fmt_amount(v, unit),
        _ => super::fmt_grouped(v),
    };
    let range = match (values.first(), values.last()) {
        (Some(lo), Some(hi)) if lo != hi => format!(": {} … {}", show(*lo), show(*hi)),
        (Some(v), _) => format!(": {}", show(*v)),
        _ => String::new(),
    };
    let arts = plural(articles, "article", "articles");
    format!("{n} {noun}{unit_name} in {articles} {arts}{range}")
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{FigureOptions, extract_figures};

    #[test]
    fn many_tolls_become_one_line() {
        let texts = [
            "Six people were killed in the village. In the province 24 people were killed.",
            "At least 40 people were killed at the school.",
            "One man was killed.",
        ];
        let arts: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::in_memory(i as i64 + 1, format!("{i}.txt"), "t", *t))
            .collect();
        let figs: Vec<Vec<Figure>> = arts
            .iter()
            .map(|a| extract_figures(&a.text, &FigureOptions::default()))
            .collect();
        let pairs: Vec<(&Article, &[Figure])> = arts
            .iter()
            .zip(&figs)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        let s = summarize_measures(&pairs);
        let killed = s
            .iter()
            .find(|s| s.measure == Measure::Killed)
            .expect("tolls");
        assert_eq!(killed.label, "4 tolls in 3 articles: 1 … 40");
        assert!(killed.is_many());
    }
}
