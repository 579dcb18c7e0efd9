//! Project file speed: create from 2,000 articles (~5 MB), open a project holding 2,000
//! articles and 100,000 claims, and commit one edit on it (mean from criterion, p95 measured
//! here and printed).

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;
use std::path::Path;
use std::time::{Duration, Instant};

const ARTICLES: usize = 2_000;
const CHARS: usize = 2_500;
const CLAIMS: usize = 100_000;

/// Deterministic articles of about `CHARS` characters, some of them non-ASCII.
fn articles() -> Vec<Article> {
    (0..ARTICLES)
        .map(|i| {
            let mut text = String::with_capacity(CHARS + 100);
            let mut k = 0;
            while text.len() < CHARS {
                text.push_str(&format!(
                    "Paragraph {k}: officials in Zürich counted {} victims — «provisional», said \
                     the spokesperson on Monday. ",
                    (i * 31 + k * 7) % 997
                ));
                k += 1;
            }
            Article {
                id: i as i64 + 1,
                path: format!("gen/{i:05}.txt"),
                title: format!("Generated article {i}"),
                outlet: Some(format!("Outlet {}", i % 13)),
                published: Some(format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1)),
                text,
                sha256: format!("{i:064x}"),
                encoding: "UTF-8".into(),
                author: None,
                url: None,
            }
        })
        .collect()
}

fn with_claims(mut project: Project) -> Project {
    for i in 0..CLAIMS {
        let article = (i % ARTICLES) as i64 + 1;
        let start = (i / ARTICLES) * 40 % 2000;
        let c = project
            .make_claim(article, start, start + 25, Some((i % 5) as i64 + 1))
            .expect("claim in range");
        project.apply(Edit::PutClaim(c)).expect("claim applies");
    }
    project
}

fn new_claim(project: &Project, id: i64) -> Edit {
    let mut c = project
        .make_claim(id % ARTICLES as i64 + 1, 100, 140, Some(2))
        .expect("claim in range");
    c.id = id;
    c.note = "checked against the police report".into();
    Edit::PutClaim(c)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = Project::new(articles());
    let bytes: usize = base.articles().iter().map(|a| a.text.len()).sum();
    println!(
        "corpus: {ARTICLES} articles, {:.1} MB of text",
        bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function("create_2000_articles", |b| {
        b.iter_batched(
            || {
                n += 1;
                dir.path().join(format!("create-{n}.crosscheck"))
            },
            |path| {
                drop(Store::create(&path, &base).expect("create"));
                std::fs::remove_file(&path).expect("cleanup");
            },
            BatchSize::PerIteration,
        )
    });

    let big = with_claims(base.clone());
    let path = dir.path().join("big.crosscheck");
    drop(Store::create(&path, &big).expect("create big"));
    println!(
        "big project: {} claims, file {:.1} MB",
        big.claims().len(),
        std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6
    );
    group.bench_function("open_2000_articles_100k_claims", |b| {
        b.iter(|| {
            let (store, project) = Store::open(&path).expect("open");
            assert_eq!(project.claims().len(), CLAIMS);
            drop(store);
        })
    });

    let (mut store, project) = Store::open(&path).expect("open");
    let mut next = project.next_claim_id();
    group.sample_size(50);
    group.bench_function("commit_one_claim", |b| {
        b.iter(|| {
            store.apply(&new_claim(&project, next)).expect("commit");
            next += 1;
        })
    });
    group.finish();
    p95_commit(&mut store, &project, &mut next);
    drop(store);
    cleanup(dir.path());
}

/// Criterion reports means; the target is on the 95th percentile, measured here.
fn p95_commit(store: &mut Store, project: &Project, next: &mut i64) {
    let mut times: Vec<Duration> = (0..500)
        .map(|_| {
            let edit = new_claim(project, *next);
            *next += 1;
            let t = Instant::now();
            store.apply(&edit).expect("commit");
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "commit_one_claim over 500 commits: p50 {:?}, p95 {:?}, max {:?}",
        times[250], times[475], times[499]
    );
}

fn cleanup(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
