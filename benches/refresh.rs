//! Refresh from sources (issue 14): 2,000 articles of which 100 changed, with 10,000 claims.
//! Measures planning the refresh (matching, word diffs, re-anchoring every claim of the
//! changed articles), applying it to the model and writing it to the project file in one
//! transaction. Target: under 2 s. Reading the files again is the import's cost (see the
//! `import` bench) and is left out.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crosscheck::analysis::versions::refresh;
use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;

const ARTICLES: usize = 2_000;
const CHANGED: usize = 100;
const CLAIMS: usize = 10_000;
const PARAGRAPHS: usize = 20;

fn paragraph(i: usize, k: usize) -> String {
    format!(
        "Paragraph {k}: officials in Zürich counted {} victims — «provisional», said the \
         spokesperson on Monday.\n\n",
        (i * 31 + k * 7) % 997
    )
}

/// Deterministic articles of about 2,000 characters.
fn articles() -> Vec<Article> {
    (0..ARTICLES)
        .map(|i| {
            let text: String = (0..PARAGRAPHS).map(|k| paragraph(i, k)).collect();
            let mut a = Article::in_memory(
                i as i64 + 1,
                format!("gen/{i:05}.txt"),
                format!("Generated article {i}"),
                text,
            );
            a.sha256 = format!("{i:064x}");
            a
        })
        .collect()
}

/// Five claims per article, on whole paragraphs' figures and words.
fn project() -> Project {
    let mut p = Project::new(articles());
    for i in 0..CLAIMS {
        let id = (i % ARTICLES) as i64 + 1;
        let k = (i / ARTICLES) * 4 % PARAGRAPHS;
        let text = &p.article(id).expect("article").text;
        let byte = text.find(&format!("Paragraph {k}:")).expect("paragraph");
        let start = text[..byte].chars().count() + 14;
        let c = p.make_claim(id, start, start + 30, Some(2)).expect("claim");
        p.apply(Edit::PutClaim(c)).expect("tag");
    }
    p
}

/// The sources as read again: every 20th article changed (a paragraph inserted, one deleted,
/// one figure changed by a digit).
fn fresh(p: &Project) -> Vec<Article> {
    p.articles()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut f = a.clone();
            if i % (ARTICLES / CHANGED) == 0 {
                f.text = f
                    .text
                    .replacen(&paragraph(i, 3), "An inserted paragraph.\n\n", 1)
                    .replacen(&paragraph(i, 9), "", 1);
                let figure = format!("counted {} victims", (i * 31 + 8 * 7) % 997);
                let changed = format!("counted {} victims", (i * 31 + 8 * 7) % 997 + 1);
                f.text = f.text.replacen(&figure, &changed, 1);
                f.sha256 = format!("{i:063x}f");
            }
            f
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = project();
    let files = fresh(&base);
    let plan = refresh::plan(&base, &files, "2026-01-01T00:00:00Z");
    println!(
        "{} changed, {} claims re-anchored, {} orphaned",
        plan.count(refresh::Status::Changed),
        plan.articles.iter().map(|a| a.moved.len()).sum::<usize>(),
        plan.orphaned().count()
    );
    let mut group = c.benchmark_group("refresh");
    group.sample_size(10);
    group.bench_function("plan_2000_articles_100_changed_10000_claims", |b| {
        b.iter(|| refresh::plan(&base, &files, "2026-01-01T00:00:00Z"))
    });
    let mut n = 0;
    group.bench_function("plan_apply_and_write", |b| {
        b.iter_batched(
            || {
                n += 1;
                let path = dir.path().join(format!("p{n}.crosscheck"));
                let store = Store::create(&path, &base).expect("create");
                (store, base.clone())
            },
            |(mut store, mut p)| {
                let plan = refresh::plan(&p, &files, "2026-01-01T00:00:00Z");
                p.apply(plan.edit.clone()).expect("model");
                store.apply(&plan.edit).expect("store");
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
