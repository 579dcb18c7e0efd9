//! Figures: every number in a text with its qualifier, interval, unit, what it counts, who
//! says so, whether the sentence puts it in another event, and when it was true.
//!
//! Reading goes number expression ([`numbers`], [`number_words`], [`expr`]) → whether it is a
//! figure at all ([`keep`]: not a date, time, code or age) → its context in the sentence
//! ([`context`], [`elsewhere`]) → the [`Figure`] ([`extract`], [`finish`]).
//! What a figure counts is the head of its noun phrase, read with parts of speech
//! ([`phrase`]); its [`lexicon`] says which heads may name the same things and which name a
//! part; [`rounding`] gives the interval a written number's last digit implies. What narrows
//! a figure to a part is read by structure: counts listed under one verb ([`listing`]), a
//! degree of harm ([`severity`]), a gap between two values ([`gap`]), a limit that is no count
//! ([`limit`]); a prison term and whose it is ([`term`]); a named person's age
//! ([`ages`]), with names read by [`person`]. Word lists live in
//! [`words`] (numbers, units, measures) and [`sentence_words`] (labels, sources); [`display`]
//! writes a value as a reader does (`£188,250`).

mod ages;
mod amount_role;
mod attribution;
mod context;
mod display;
mod elsewhere;
mod expr;
mod extract;
mod figure;
mod finish;
mod fractions;
mod gap;
mod keep;
pub(crate) mod lexicon;
mod limit;
mod listing;
mod number_words;
mod numbers;
mod person;
mod phrase;
mod powers;
mod rounding;
mod sentence_words;
mod severity;
mod speaker;
mod summary;
mod term;
mod words;

pub use display::{fmt_amount, fmt_grouped, group_digits};
pub use extract::extract_figures;

/// Every article's figures, each read with its own publication date as the anchor for
/// relative times ("yesterday"): what the command line, the report and the reuse counts all
/// compare.
pub fn article_figures(articles: &[crate::model::Article]) -> Vec<Vec<Figure>> {
    articles
        .iter()
        .map(|a| {
            extract_figures(
                &a.text,
                &FigureOptions::for_published(a.published.as_deref()),
            )
        })
        .collect()
}
pub use figure::{Figure, FigureOptions, Measure, Scope, ScopeKind, fmt_number};
pub(crate) use person::is_title;
pub(crate) use sentence_words::{is_function_word, is_speech_verb};
pub use summary::{MANY_VALUES, MeasureSummary, summarize_measures};
pub(crate) use words::{measure_keyword, scale_word, small_number};
