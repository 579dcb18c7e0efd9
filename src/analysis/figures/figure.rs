//! The figure data types: what one number in an article says, as an interval with open or
//! closed ends, plus the measure it counts.

use crate::analysis::time::When;
use serde::{Deserialize, Serialize};

/// What a figure counts, normalised so figures from different articles can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// People killed: killed, dead, died, deaths, death toll, lives lost.
    Killed,
    /// People injured: injured, wounded, hurt.
    Injured,
    /// Killed and injured together. Never the same measure as [`Measure::Killed`].
    Casualties,
    /// People arrested or detained.
    Arrested,
    /// People missing.
    Missing,
    /// People displaced or evacuated.
    Displaced,
    /// People rescued or saved. Never a toll: "two people were rescued" counts survivors.
    Rescued,
    /// People affected (by a flood, an outage, a data breach).
    Affected,
    /// An amount of money; the unit is the currency code.
    Money,
    /// A percentage; the unit is `%` or `percentage points`.
    Percent,
    /// A prison term a court gave (`jailed for seven years`), in months (years are written
    /// as twelve months each) or in weeks or days as written; the counted noun names the
    /// defendant where the clause does. See `figures::term`.
    Jailed,
    /// A named person's age (`Harris, 54,`); the counted noun is the name. See
    /// `figures::ages`.
    Age,
    /// Any other quantity; see the unit and the counted noun.
    Quantity,
}

impl Measure {
    /// The name used in JSON and in reasons (`killed`, `money`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Killed => "killed",
            Measure::Injured => "injured",
            Measure::Casualties => "casualties",
            Measure::Arrested => "arrested",
            Measure::Missing => "missing",
            Measure::Displaced => "displaced",
            Measure::Rescued => "rescued",
            Measure::Affected => "affected",
            Measure::Money => "money",
            Measure::Percent => "percent",
            Measure::Jailed => "jailed",
            Measure::Age => "age",
            Measure::Quantity => "quantity",
        }
    }

    /// Parses [`Measure::as_str`].
    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// All measures.
    pub const ALL: [Measure; 13] = [
        Measure::Killed,
        Measure::Injured,
        Measure::Casualties,
        Measure::Arrested,
        Measure::Missing,
        Measure::Displaced,
        Measure::Rescued,
        Measure::Affected,
        Measure::Money,
        Measure::Percent,
        Measure::Jailed,
        Measure::Age,
        Measure::Quantity,
    ];

    /// True for the news-event counts of people (killed, injured, casualties, arrested, missing,
    /// displaced, rescued, affected).
    pub fn is_event(self) -> bool {
        !matches!(
            self,
            Measure::Money | Measure::Percent | Measure::Jailed | Measure::Age | Measure::Quantity
        )
    }
}

/// One figure found in an article.
///
/// The interval is `[low, high]`, each end open or closed; `None` for `high` means unbounded
/// (and then `high_inclusive` is `None` too). A bare number is the closed interval `[n, n]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Character offset of the first character (qualifier included), into the article text.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The text between `start` and `end`, such as `at least 139` or `$3.6 billion`.
    pub text: String,
    /// The number as written, scaled (`15.8m` → 15 800 000). For vague plurals
    /// (`hundreds`) the lower end.
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: Option<bool>,
    pub high_inclusive: Option<bool>,
    /// The qualifier as written, lowercase (`at least`, `nearly`, `about`, `or more`).
    pub qualifier: Option<String>,
    /// Currency code for money, `%` for percentages, or a unit of measure (`km`, `years`).
    pub unit: Option<String>,
    /// What is counted: the head noun of the noun phrase after the number, lowercase
    /// (`nine homemade pipe bombs` counts `bombs`; `people`, `gunmen`, `miles`).
    pub counted: Option<String>,
    /// The words of that noun phrase before its head, lowercase (`homemade`, `pipe`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
    /// The words that narrow the figure to part of a whole: a subgroup (`pupils`), a site
    /// (`a school`), a place (`in the northern district`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<Scope>,
    /// The interval the number's precision implies, `[low, high]`: its last written digit
    /// (`$4.2 million` is `[4150000, 4250000]`) or `about` (`about 500` is `[450, 550]`, while
    /// `low` and `high` keep the 500 it states), or a range's own ends where the range is
    /// stated open by convention (`between 20 and 30` is (20, 30) and may mean [20, 30]).
    /// `None` for numbers written out in full and for exact ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<[f64; 2]>,
    /// The event the figure's sentence names (`quake`, `attack`), lowercase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    pub measure: Measure,
    /// Who the sentence attributes the figure to (`TASS`, `the Investigative Committee`).
    pub attribution: Option<String>,
    /// Character offsets of the sentence holding the figure.
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// Why the sentence places this figure in another event or time than the article's story
    /// (`in 2001`, `last year`, `the 2004 siege`); such figures are never suggested as
    /// conflicts with the story's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elsewhere: Option<String>,
    /// The amount this one converts into another currency, when it is written beside it as a
    /// conversion (`£80m ($131.6m or €93.9m)`: both dollars and euros convert `£80m`). What a
    /// conversion says depends on the rate the outlet used, so it is never suggested as a
    /// conflict; the amount it converts is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converts: Option<String>,
    /// When the figure was true: the time its sentence places it at (`as of 6 pm`, `on
    /// Friday`), else when the article speaks. `None` when neither is known.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<When>,
}

impl Figure {
    /// Whether the figure is a report about the story: not placed in another event or time
    /// ([`Figure::elsewhere`]) and not a conversion of another amount ([`Figure::converts`]).
    /// Only these are suggested as conflicts and summarised across articles.
    pub fn is_story_report(&self) -> bool {
        self.elsewhere.is_none() && self.converts.is_none()
    }

    /// The interval a comparison uses: the stated one widened to what the number's precision
    /// allows (`$4.2 million` to [4.15, 4.25] million, `about 500 or more` to [450, ∞),
    /// `between 20 and 30` to [20, 30]); an end the precision reaches is closed.
    fn loose(&self) -> ((f64, bool), (f64, bool)) {
        let lo = self
            .low
            .map_or((f64::NEG_INFINITY, false), |l| match self.rounding {
                Some([r, _]) if r <= l => (r, true),
                _ => (l, self.low_inclusive != Some(false)),
            });
        let hi = self
            .high
            .map_or((f64::INFINITY, false), |h| match self.rounding {
                Some([_, r]) if r >= h => (r, true),
                _ => (h, self.high_inclusive != Some(false)),
            });
        (lo, hi)
    }

    /// The interval comparisons use ([`Figure::overlaps`]), written like
    /// [`Figure::interval_string`]: `$1.2 million` is `[1150000, 1250000]`, so a reason that
    /// says two figures do not overlap "even rounded" shows the intervals that do not.
    pub fn compared_interval_string(&self) -> String {
        let ((lo, lo_inc), (hi, hi_inc)) = self.loose();
        let open = if lo_inc { '[' } else { '(' };
        let close = if hi_inc { ']' } else { ')' };
        format!("{open}{}, {}{close}", fmt_end(lo), fmt_end(hi))
    }

    /// True when the two intervals share at least one number, each widened by the precision
    /// its number is written with (`$4.2 million` meets `$4,187,310`, `about 500` meets 460).
    pub fn overlaps(&self, other: &Figure) -> bool {
        let ((lo_a, lo_a_inc), (hi_a, hi_a_inc)) = self.loose();
        let ((lo_b, lo_b_inc), (hi_b, hi_b_inc)) = other.loose();
        // The later start against the earlier end; touching ends overlap only if both closed.
        let (lo, lo_inc) = if lo_a > lo_b || (lo_a == lo_b && !lo_a_inc) {
            (lo_a, lo_a_inc)
        } else {
            (lo_b, lo_b_inc)
        };
        let (hi, hi_inc) = if hi_a < hi_b || (hi_a == hi_b && !hi_a_inc) {
            (hi_a, hi_a_inc)
        } else {
            (hi_b, hi_b_inc)
        };
        lo < hi || (lo == hi && lo_inc && hi_inc)
    }

    /// True when the two figures agree as a reader takes them: they overlap (see
    /// [`Figure::overlaps`]), or one is the other's bound with its qualifier dropped —
    /// `$250,000` beside `more than $250,000`, `200` beside `just over 200`. An outlet that
    /// drops `more than` reports the same number less precisely; it does not contradict the
    /// outlet that keeps it, so such pairs are never suggested as conflicts. Only a bare
    /// number counts: `at most 20` against `more than 20` still disagree.
    pub fn agrees_with(&self, other: &Figure) -> bool {
        self.overlaps(other) || self.is_bare_bound_of(other) || other.is_bare_bound_of(self)
    }

    /// `self` is a bare number equal to an open end of `other`'s qualified interval.
    fn is_bare_bound_of(&self, other: &Figure) -> bool {
        let bare = self.qualifier.is_none() && self.low.is_some() && self.low == self.high;
        bare && other.qualifier.is_some()
            && ((other.low == self.low && other.low_inclusive == Some(false))
                || (other.high == self.low && other.high_inclusive == Some(false)))
    }

    /// What the figure may mean beside what it states, for a reader: `may mean 20 to 30` for
    /// `between 20 and 30` (stated open by convention), `may mean 4150000 to 4250000` for
    /// `$4.2 million`. `None` for an exact figure.
    pub fn looseness_note(&self) -> Option<String> {
        self.rounding?;
        let ((lo, _), (hi, _)) = self.loose();
        Some(format!(
            "may mean {} to {}, as loosely as it is written",
            fmt_end(lo),
            fmt_end(hi)
        ))
    }

    /// The interval in mathematical notation: `[139, ∞)`, `(100, ∞)`, `[133, 133]`.
    pub fn interval_string(&self) -> String {
        let open = if self.low_inclusive == Some(false) {
            '('
        } else {
            '['
        };
        let close = if self.high_inclusive == Some(true) {
            ']'
        } else {
            ')'
        };
        let lo = fmt_end(self.low.unwrap_or(f64::NEG_INFINITY));
        let hi = fmt_end(self.high.unwrap_or(f64::INFINITY));
        format!("{open}{lo}, {hi}{close}")
    }
}

/// An end of an interval: a number, or `∞` / `-∞` for an open side.
fn fmt_end(v: f64) -> String {
    match v {
        f64::INFINITY => "∞".to_owned(),
        f64::NEG_INFINITY => "-∞".to_owned(),
        v => fmt_number(v),
    }
}

/// What a narrowing word or phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    /// A part of the people counted: `pupils`, `children`, `soldiers`.
    Subgroup,
    /// A site: `a school`, `the hospital`, `the mine`.
    Site,
    /// A place narrower than the whole event: `in the northern district`, `in Central Aceh`.
    Place,
    /// A portion the sentence states as such, whatever it counts: an increment (`six more
    /// bodies`, `12 further deaths`) or a part named by `of` (`14 of the dead`, `12 of the 40
    /// victims`).
    Portion,
    /// One count of a list under one verb (`three soldiers and two civilians were killed`):
    /// the list reports their sum, so no item is a count of the whole on its own. The text is
    /// the list as written.
    Listed,
    /// The gap between two values, not a value (`$5 million short of the record`, `40 more
    /// than last year`): never set against another outlet's value. The text is the words
    /// that make it one (`short of`).
    Difference,
    /// A limit, not a count (`capacity for 120`, `licensed to carry 120`): never set against a
    /// count. The text is the words that make it one.
    Limit,
}

/// One word or phrase that narrows a figure.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Scope {
    pub kind: ScopeKind,
    /// As written (`in the northern district`).
    pub text: String,
}

/// Formats a number without a trailing `.0` and without exponent for ordinary sizes.
pub fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Settings for [`crate::analysis::extract_figures`].
#[derive(Clone, Debug, PartialEq)]
pub struct FigureOptions {
    /// Relative tolerance for `about`/`some`/`around` (both sides) and `nearly`/`almost`
    /// (below only). 0.1 means ±10 %.
    pub tolerance: f64,
    /// The year the article's story is in (from its publication date). Figures the sentence
    /// places in an earlier year are marked [`Figure::elsewhere`]. `None` reads it from the
    /// text: the year mentioned most often.
    pub story_year: Option<i32>,
    /// The article's stored publication date or date-time (ISO 8601): what each figure's
    /// [`Figure::as_of`] falls back to. Without it a dateline in the text is used.
    pub published: Option<String>,
}

impl Default for FigureOptions {
    fn default() -> Self {
        FigureOptions {
            tolerance: 0.1,
            story_year: None,
            published: None,
        }
    }
}

impl FigureOptions {
    /// Default options for an article published on `published` (ISO 8601, possibly partial).
    pub fn for_published(published: Option<&str>) -> FigureOptions {
        FigureOptions {
            story_year: published
                .and_then(|p| p.get(0..4))
                .and_then(|y| y.parse().ok()),
            published: published.map(str::to_owned),
            ..FigureOptions::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(low: Option<f64>, li: Option<bool>, high: Option<f64>, hi: Option<bool>) -> Figure {
        Figure {
            start: 0,
            end: 0,
            text: String::new(),
            value: low.unwrap_or(0.0),
            low,
            high,
            low_inclusive: li,
            high_inclusive: hi,
            qualifier: None,
            unit: None,
            counted: None,
            modifiers: Vec::new(),
            scope: Vec::new(),
            rounding: None,
            event: None,
            measure: Measure::Killed,
            attribution: None,
            sentence_start: 0,
            sentence_end: 0,
            elsewhere: None,
            converts: None,
            as_of: None,
        }
    }

    #[test]
    fn open_and_closed_ends_decide_overlap() {
        let at_least_139 = fig(Some(139.0), Some(true), None, None);
        let exactly_133 = fig(Some(133.0), Some(true), Some(133.0), Some(true));
        let over_100 = fig(Some(100.0), Some(false), None, None);
        let under_133 = fig(Some(0.0), Some(true), Some(133.0), Some(false));
        let exactly_139 = fig(Some(139.0), Some(true), Some(139.0), Some(true));
        assert!(!at_least_139.overlaps(&exactly_133));
        assert!(over_100.overlaps(&exactly_133));
        assert!(!under_133.overlaps(&exactly_133));
        assert!(at_least_139.overlaps(&exactly_139));
        assert!(exactly_139.overlaps(&at_least_139));
        assert_eq!(at_least_139.interval_string(), "[139, ∞)");
        assert_eq!(over_100.interval_string(), "(100, ∞)");
        assert_eq!(exactly_133.interval_string(), "[133, 133]");
    }
}
