//! Export speed: a project of 2,000 articles and 10,000 claims (with 1,000 links), written in
//! each format (target: under 1 s each).

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::model::{Article, Edit, Link, LinkKind, Project, Resolution};
use crosscheck::report::{Format, ReportOptions, write_report};

fn project() -> Project {
    let para =
        "Officials said at least 139 people were killed and 182 injured in Zürich on Friday. ";
    let articles: Vec<Article> = (1..=2000)
        .map(|id| Article {
            id,
            path: format!("folder/{id}.txt"),
            title: format!("Article {id}"),
            outlet: Some("Wire".into()),
            published: Some("2024-03-26".into()),
            text: para.repeat(30),
            sha256: format!("{id:064x}"),
            encoding: "UTF-8".into(),
            author: None,
            url: None,
        })
        .collect();
    let mut p = Project::new(articles);
    let mut edits = Vec::new();
    for i in 0..10_000i64 {
        let start = (i as usize / 2000) * 85 + 14;
        let mut c = p
            .make_claim(i % 2000 + 1, start, start + 12, Some(i % 5 + 1))
            .expect("claim");
        c.id = i + 1;
        c.verdict = Some(["True", "False", "Mixed", "Unverified"][i as usize % 4].into());
        c.note = "Checked against the ministry's statement.".into();
        edits.push(Edit::PutClaim(c));
    }
    for l in 0..1000i64 {
        edits.push(Edit::PutLink(Link {
            id: l + 1,
            kind: LinkKind::ALL[l as usize % 4],
            note: String::new(),
            resolution: Resolution::Open,
            members: vec![l * 2 + 1, l * 2 + 2],
            author: None,
            edited_by: None,
        }));
    }
    p.apply(Edit::Batch(edits)).expect("apply");
    p
}

fn report(c: &mut Criterion) {
    let p = project();
    let opts = ReportOptions {
        project_name: "bench".into(),
        exported_at: "2026-11-22T00:00:00Z".into(),
    };
    let mut group = c.benchmark_group("report/2,000 articles, 10,000 claims");
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(format.name(), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(16 << 20);
                write_report(&p, format, &opts, &mut out).expect("write");
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
