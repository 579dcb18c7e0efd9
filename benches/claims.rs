//! The claims panel's filter and sort on 100,000 claims (target: under 50 ms), the work done
//! when the user types in its filter box. Drawing is proportional to the visible rows only.

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::app::claims_panel::{ClaimFilter, SortKey, filter_claims};
use crosscheck::model::{Article, Edit, Project};

fn project() -> Project {
    let words = [
        "killed",
        "injured",
        "toll",
        "officials",
        "said",
        "139",
        "Zürich",
        "arrested",
        "over",
        "people",
    ];
    let articles: Vec<Article> = (1..=2000)
        .map(|id| {
            let mut text = String::new();
            for k in 0..60 {
                text.push_str(words[(id as usize * 7 + k) % words.len()]);
                text.push(' ');
            }
            Article {
                id,
                path: format!("{id}.txt"),
                title: format!("Article {id}"),
                outlet: None,
                published: None,
                text,
                sha256: String::new(),
                encoding: "UTF-8".into(),
                author: None,
                url: None,
            }
        })
        .collect();
    let mut p = Project::new(articles);
    let mut edits = Vec::with_capacity(100_000);
    for i in 0..100_000i64 {
        let article = i % 2000 + 1;
        let start = (i as usize / 2000 % 40) * 5;
        let mut c = p
            .make_claim(article, start, start + 20, Some(i % 5 + 1))
            .expect("claim");
        c.id = i + 1;
        if i % 3 == 0 {
            c.verdict = Some("False".into());
        }
        edits.push(Edit::PutClaim(c));
    }
    p.apply(Edit::Batch(edits)).expect("apply");
    p
}

fn claims(c: &mut Criterion) {
    let p = project();
    assert_eq!(p.claims().len(), 100_000);
    c.bench_function("claims/filter 100k by text", |b| {
        let f = ClaimFilter {
            text: "injured".into(),
            ..Default::default()
        };
        b.iter(|| filter_claims(&p, &f).len())
    });
    c.bench_function(
        "claims/filter 100k by category+verdict, sort by quote",
        |b| {
            let f = ClaimFilter {
                category: Some(2),
                verdict: Some("False".into()),
                sort: SortKey::Quote,
                ..Default::default()
            };
            b.iter(|| filter_claims(&p, &f).len())
        },
    );
    c.bench_function("claims/all 100k sorted by article", |b| {
        let f = ClaimFilter::default();
        b.iter(|| filter_claims(&p, &f).len())
    });
}

criterion_group!(benches, claims);
criterion_main!(benches);
