//! Agreement between two coders' copies of 2,000 articles with 20,000 claims each (target:
//! under 200 ms): αu per category and κ overall and per article, and every disagreement. The
//! Agreement window works this out again after each resolution, on the UI thread.

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::agreement::{AgreementOptions, compare};
use crosscheck::model::{Article, Edit, Project};

const VERDICTS: [&str; 4] = ["True", "False", "Mixed", "Mostly true"];

/// 2,000 articles of 60 words; ten claims an article. The second coder shifts every seventh
/// claim's start, gives every fifth another category and every third another verdict, and
/// leaves out every eleventh.
fn coder(second: bool) -> Project {
    let words = [
        "killed",
        "toll",
        "officials",
        "said",
        "139",
        "people",
        "over",
    ];
    let articles: Vec<Article> = (1..=2000)
        .map(|id| {
            let text: String = (0..60)
                .map(|k| format!("{} ", words[(id as usize * 3 + k) % words.len()]))
                .collect();
            Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text)
        })
        .collect();
    let mut p = Project::new(articles);
    let mut edits = Vec::new();
    let mut id = 1;
    for i in 0..20_000i64 {
        if second && i % 11 == 0 {
            continue;
        }
        let article = i / 10 + 1;
        let slot = (i % 10) as usize;
        let start = slot * 30 + usize::from(second && i % 7 == 0) * 2;
        let category = if second && i % 5 == 0 { 2 } else { i % 3 + 1 };
        let mut c = p
            .make_claim(article, start, start + 20, Some(category))
            .expect("claim");
        c.id = id;
        id += 1;
        let v = (i as usize + usize::from(second && i % 3 == 0)) % VERDICTS.len();
        c.verdict = Some(VERDICTS[v].into());
        edits.push(Edit::PutClaim(c));
    }
    p.apply(Edit::Batch(edits)).expect("apply");
    p
}

fn agreement(c: &mut Criterion) {
    let (a, b) = (coder(false), coder(true));
    let coders = [("a".to_owned(), &a), ("b".to_owned(), &b)];
    let report = compare(&coders, AgreementOptions::default());
    eprintln!(
        "{} articles, {} disagreements, αu all {:?}, κ {:?}",
        report.articles.len(),
        report.disagreements.len(),
        report.overall.alpha,
        report.overall.kappa
    );
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    group.bench_function("two coders, 2,000 articles, 20,000 claims each", |bench| {
        bench.iter(|| compare(&coders, AgreementOptions::default()))
    });
    group.bench_function("the same, uncoded text left out", |bench| {
        bench.iter(|| {
            compare(
                &coders,
                AgreementOptions {
                    exclude_uncoded: true,
                },
            )
        })
    });
    group.finish();
}

criterion_group!(benches, agreement);
criterion_main!(benches);
