//! Stories and ranked suggestions on generated articles (see `support/news.rs`): grouping
//! 2,000 articles of 200 stories and 20,000 of 2,000 (a year of one outlet) into stories,
//! suggestions within stories (what the app and the command line do), and, for comparison,
//! suggestions across the whole folder. Prints how well the stories match the generated ones
//! (B-cubed F1) and the memory grouping 20,000 articles takes.

#[path = "support/news.rs"]
mod news;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::{
    ConflictOptions, Figure, FigureOptions, extract_figures, group_stories, suggest_conflicts,
    suggest_conflicts_by_story,
};
use crosscheck::model::Article;
use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::time::Instant;

/// B-cubed F1 of `found` against the generator's stories (article `i` is in story
/// `i % stories`).
fn bcubed_f1(found: &[crosscheck::analysis::Story], stories: usize) -> f64 {
    let truth = |id: i64| (id - 1) as usize % stories;
    let mut size_t: HashMap<usize, usize> = HashMap::new();
    for s in found {
        for &id in &s.articles {
            *size_t.entry(truth(id)).or_default() += 1;
        }
    }
    let (mut p, mut r, mut n) = (0.0, 0.0, 0.0);
    for s in found {
        let mut both: HashMap<usize, usize> = HashMap::new();
        for &id in &s.articles {
            *both.entry(truth(id)).or_default() += 1;
        }
        for &id in &s.articles {
            let k = both[&truth(id)] as f64;
            p += k / s.articles.len() as f64;
            r += k / size_t[&truth(id)] as f64;
            n += 1.0;
        }
    }
    let (p, r) = (p / n, r / n);
    2.0 * p * r / (p + r)
}

/// The process's peak resident memory in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn year(c: &mut Criterion) {
    let articles = news::articles(20_000, 10);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let none = BTreeMap::new();
    // Runs first, so the peak is this grouping's, not an earlier benchmark's.
    let before = news::resident_mb().unwrap_or(f64::NAN);
    let started = Instant::now();
    let grouped = group_stories(&articles, &none);
    let took = started.elapsed();
    eprintln!(
        "stories bench: 20000 articles ({:.1} MB of text) grouped into {} stories in {:.2} s; B-cubed F1 {:.3} against the 2000 generated; resident {before:.0} MB before, peak {:.0} MB",
        bytes as f64 / 1e6,
        grouped.len(),
        took.as_secs_f64(),
        bcubed_f1(&grouped, 2000),
        peak_mb().unwrap_or(f64::NAN)
    );
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    g.bench_function("group 20000 articles", |b| {
        b.iter(|| group_stories(black_box(&articles), &none))
    });
    g.finish();
}

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
        "stories bench: 2000 articles, {n} figures, {} stories (B-cubed F1 {:.3}), {} suggestions within stories, {} across the folder",
        grouped.len(),
        bcubed_f1(&grouped, 200),
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

criterion_group!(benches, year, stories);
criterion_main!(benches);
