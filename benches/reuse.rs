//! Text reuse on generated folders: 1,700 articles (the size of the held-out corpus) and 10,000
//! (a large project). A third of the stories are wire stories, each reprinted with light edits
//! and rewritten with the paper's own material; the rest are written independently. Words are
//! drawn from a skewed vocabulary of made-up words, so common words repeat across articles as in
//! real text. Deterministic. Prints, once, the time of one run and how many of the generated
//! copies were found.

#[path = "support/news.rs"]
mod news;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::reuse::{Class, find_reuse};
use crosscheck::model::Article;
use news::Rng;
use std::hint::black_box;
use std::time::Instant;

/// A word from a vocabulary of 30,000 where the first few hundred make most of the text.
fn word(rng: &mut Rng) -> String {
    let a = rng.below(30_000);
    let b = rng.below(30_000);
    let n = a * b / 30_000;
    news::name(n).to_lowercase()
}

fn sentence(rng: &mut Rng) -> String {
    let len = 8 + rng.below(18) as usize;
    let mut s: Vec<String> = (0..len).map(|_| word(rng)).collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        *first = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
    }
    s.join(" ") + "."
}

fn story(rng: &mut Rng, sentences: usize) -> Vec<String> {
    (0..sentences).map(|_| sentence(rng)).collect()
}

/// Light edits: one sentence in six cut, one word in twelve changed.
fn reprint(src: &[String], rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    for s in src {
        if rng.below(6) == 0 {
            continue;
        }
        out.push(
            s.split(' ')
                .map(|w| {
                    if rng.below(12) == 0 {
                        word(rng)
                    } else {
                        w.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    out
}

/// The generated folder and, per article, the article it derives from and how.
fn folder(count: usize) -> (Vec<Article>, Vec<Option<(usize, Class)>>) {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut texts: Vec<Vec<String>> = Vec::new();
    let mut truth = Vec::new();
    while texts.len() < count {
        let n = 14 + rng.below(12) as usize;
        let own = story(&mut rng, n);
        let src = texts.len();
        let wire = rng.below(3) == 0;
        texts.push(own.clone());
        truth.push(None);
        if wire && texts.len() + 2 <= count {
            texts.push(reprint(&own, &mut rng));
            truth.push(Some((src, Class::Wholly)));
            let mut mixed = story(&mut rng, 10);
            mixed.splice(2..2, own.iter().take(6).cloned());
            texts.push(mixed);
            truth.push(Some((src, Class::Partially)));
        }
    }
    let articles = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let mut a = Article::in_memory(
                i as i64 + 1,
                format!("a{i}.txt"),
                format!("Article {i}"),
                t.join(" ") + "\n",
            );
            a.published = Some(format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
            a
        })
        .collect();
    (articles, truth)
}

fn report(articles: &[Article], truth: &[Option<(usize, Class)>]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let t = Instant::now();
    let r = find_reuse(articles);
    let took = t.elapsed();
    let (mut right, mut total) = (0, 0);
    for (i, t) in truth.iter().enumerate() {
        if let Some((src, class)) = t {
            total += 1;
            let found = r
                .pairs_of(articles[i].id)
                .into_iter()
                .find(|v| v.other == articles[*src].id)
                .map(|v| v.class);
            if found == Some(*class) {
                right += 1;
            }
        }
    }
    let false_pairs = r
        .pairs
        .iter()
        .filter(|p| p.is_derived())
        .filter(|p| {
            let (a, b) = ((p.a - 1) as usize, (p.b - 1) as usize);
            let src = |x: usize| truth[x].map_or(x, |t| t.0);
            src(a) != src(b)
        })
        .count();
    eprintln!(
        "reuse: {} articles ({:.1} MB) in {took:.2?}: {} pairs share text, {} families; \
         {right} of {total} generated copies found with their class; {false_pairs} derived pairs \
         between unrelated articles",
        articles.len(),
        bytes as f64 / 1e6,
        r.pairs.len(),
        r.families.len(),
    );
}

fn bench(c: &mut Criterion) {
    let (small, small_truth) = folder(1_700);
    let (large, large_truth) = folder(10_000);
    report(&small, &small_truth);
    report(&large, &large_truth);
    let mut g = c.benchmark_group("reuse");
    g.sample_size(10);
    g.bench_function("1,700 articles", |b| {
        b.iter(|| black_box(find_reuse(&small)))
    });
    g.bench_function("10,000 articles", |b| {
        b.iter(|| black_box(find_reuse(&large)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
