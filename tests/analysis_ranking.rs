//! Ranking on news events with many incidents: the real disagreement of each event (named in
//! `tests/data/events/truth.tsv`) must be among the first five suggestions. The held-out events
//! are reported and must reach the top five in at least two thirds of them; see
//! `tests/data/events/README.md`. Suggestions are made as the app makes them, within the
//! stories the folder is grouped into.

use crosscheck::analysis::{
    ConflictOptions, ConflictSuggestion, Figure, FigureOptions, Measure, extract_figures,
    group_stories, suggest_conflicts_by_story,
};
use crosscheck::corpus::import_folder;
use crosscheck::model::Article;
use std::collections::BTreeMap;
use std::path::Path;

const EVENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/events");

struct Truth {
    folder: String,
    measure: Measure,
    a: f64,
    b: f64,
}

fn truths() -> Vec<Truth> {
    let text = std::fs::read_to_string(Path::new(EVENTS).join("truth.tsv")).expect("truth.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Truth {
                folder: f[0].to_owned(),
                measure: Measure::parse(f[1]).expect("measure"),
                a: f[2].parse().expect("value"),
                b: f[3].parse().expect("value"),
            }
        })
        .collect()
}

fn suggestions(folder: &str) -> Vec<ConflictSuggestion> {
    let report = import_folder(Path::new(EVENTS).join(folder)).expect("folder");
    assert!(report.articles.len() >= 3, "{folder}: too few articles");
    let figs: Vec<Vec<Figure>> = report
        .articles
        .iter()
        .map(|a| extract_figures(&a.text, &FigureOptions::default()))
        .collect();
    let pairs: Vec<(&Article, &[Figure])> = report
        .articles
        .iter()
        .zip(&figs)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    // As the app and the command line do: figures compared within each story.
    let stories = group_stories(&report.articles, &BTreeMap::new());
    suggest_conflicts_by_story(&pairs, &stories, &ConflictOptions::default())
}

/// The 1-based rank of the suggestion setting `t.a` against `t.b`, if any.
fn rank_of(t: &Truth, list: &[ConflictSuggestion]) -> Option<usize> {
    list.iter()
        .position(|s| {
            let (first, second) = s.figures.split_at(s.first_side);
            let has = |side: &[crosscheck::analysis::SuggestedFigure], v: f64| {
                side.iter().any(|f| f.figure.value == v)
            };
            s.measure == t.measure
                && ((has(first, t.a) && has(second, t.b)) || (has(first, t.b) && has(second, t.a)))
        })
        .map(|i| i + 1)
}

fn report(set: &str) -> Vec<(String, Option<usize>, usize)> {
    truths()
        .iter()
        .filter(|t| t.folder.starts_with(set))
        .map(|t| {
            let list = suggestions(&t.folder);
            let rank = rank_of(t, &list);
            eprintln!(
                "{}: real disagreement at rank {:?} of {}; top: {:?}",
                t.folder,
                rank,
                list.len(),
                list.iter()
                    .take(3)
                    .map(|s| format!("{:.2} {}", s.score, s.reason))
                    .collect::<Vec<_>>()
            );
            (t.folder.clone(), rank, list.len())
        })
        .collect()
}

#[test]
fn the_real_disagreement_ranks_in_the_top_five_on_tuning_events() {
    let results = report("tuning/");
    assert!(results.len() >= 5);
    for (folder, rank, _) in &results {
        assert!(
            rank.is_some_and(|r| r <= 5),
            "{folder}: real disagreement at {rank:?}"
        );
    }
}

#[test]
fn held_out_events_mostly_rank_the_real_disagreement_in_the_top_five() {
    let results = report("heldout/");
    assert!(results.len() >= 3);
    let hits = results
        .iter()
        .filter(|(_, rank, _)| rank.is_some_and(|r| r <= 5))
        .count();
    eprintln!("held-out: {hits} of {} in the top five", results.len());
    // At least two thirds (2 of 3 when the set was three events; it is five now).
    assert!(3 * hits >= 2 * results.len(), "{results:?}");
}

#[test]
fn the_best_suggestion_names_what_ties_its_sentences() {
    let list = suggestions("tuning/halden-strike");
    let top = list.first().expect("suggestions");
    assert!(!top.shared.is_empty(), "{top:#?}");
    assert!(top.score > list.last().expect("last").score);
}
