//! Stories and ranked suggestions on 2,000 generated articles from 200 stories (see
//! `support/news.rs`): grouping into stories, suggestions within stories (what the app and the
//! command line do), and, for comparison, suggestions across the whole folder.

#[path = "support/news.rs"]
mod news;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::{
    ConflictOptions, Figure, FigureOptions, extract_figures, group_stories, suggest_conflicts,
    suggest_conflicts_by_story,
};
use crosscheck::model::Article;
use std::collections::BTreeMap;
use std::hint::black_box;

fn stories(c: &mut Criterion) {
    let articles = news::articles(2000, 10);
    let figures: Vec<Vec<Figure>> = articles
        .iter()
        .map(|a| extract_figures(&a.text, &FigureOptions::default()))
        .collect();
    let pairs: Vec<(&Article, &[Figure])> = articles
        .iter()
        .zip(&figures)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    let none = BTreeMap::new();
    let grouped = group_stories(&articles, &none);
    let within = suggest_conflicts_by_story(&pairs, &grouped, &ConflictOptions::default());
    let all = suggest_conflicts(&pairs);
    let n: usize = figures.iter().map(Vec::len).sum();
    eprintln!(
        "stories bench: 2000 articles, {n} figures, {} stories, {} suggestions within stories, {} across the folder",
        grouped.len(),
        within.len(),
        all.len()
    );
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    g.bench_function("group 2000 articles", |b| {
        b.iter(|| group_stories(black_box(&articles), &none))
    });
    g.bench_function("suggestions within stories, 2000 articles", |b| {
        b.iter(|| {
            suggest_conflicts_by_story(black_box(&pairs), &grouped, &ConflictOptions::default())
        })
    });
    g.bench_function("suggestions across the folder, 2000 articles", |b| {
        b.iter(|| suggest_conflicts(black_box(&pairs)))
    });
    g.finish();
}

criterion_group!(benches, stories);
criterion_main!(benches);
