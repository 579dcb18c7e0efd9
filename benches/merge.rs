//! Merging projects tagged apart (issue 26): two coders' copies of 2,000 articles with 10,000
//! claims each, half of them the same claims, 2,000 links in the copy merged in, and 100
//! articles the other coder refreshed to a newer text. Measures planning the merge (matching
//! articles by hash, re-anchoring onto the newer texts, finding each claim and link once) and
//! applying it to the model. Target: under 2 s; a second merge (nothing new) well under that.

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::model::{Article, Edit, Link, LinkKind, Project, Resolution};
use crosscheck::team;

const ARTICLES: usize = 2_000;
const CLAIMS: usize = 10_000;
const REFRESHED: usize = 100;
const PARAGRAPHS: usize = 20;

fn paragraph(i: usize, k: usize) -> String {
    format!(
        "Paragraph {k}: officials in Zürich counted {} victims — «provisional», said the \
         spokesperson on Monday.\n\n",
        (i * 31 + k * 7) % 997
    )
}

/// The folder both coders imported: deterministic articles of about 2,000 characters.
fn base() -> Project {
    Project::new(
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
            .collect(),
    )
}

/// Tags `CLAIMS` claims: paragraph `k` of article `i`, offset by `shift` characters (coders
/// with the same shift make the same claims).
fn tag(p: &mut Project, who: &str, shift: usize, salt: usize) -> Vec<i64> {
    let mut edits = Vec::new();
    let mut ids = Vec::new();
    for (next, n) in (p.next_claim_id()..).zip(0..CLAIMS) {
        let id = (n % ARTICLES) as i64 + 1;
        let k = (n / ARTICLES * 4 + salt) % PARAGRAPHS;
        let text = &p.article(id).expect("article").text;
        let byte = text.find(&format!("Paragraph {k}:")).expect("paragraph");
        let start = text[..byte].chars().count() + 14 + shift;
        let mut c = p.make_claim(id, start, start + 30, Some(2)).expect("claim");
        c.id = next;
        c.author = Some(who.into());
        c.verdict = Some(if n % 3 == 0 { "False" } else { "True" }.into());
        ids.push(next);
        edits.push(Edit::PutClaim(c));
    }
    p.apply(Edit::Batch(edits)).expect("tag");
    ids
}

fn coders() -> (Project, Project) {
    let mut ana = base();
    tag(&mut ana, "Ana", 0, 0);
    let mut ben = base();
    // Half of Ben's claims are Ana's (same paragraphs and offsets), half his own.
    let mut ids = tag(&mut ben, "Ben", 0, 0)[..CLAIMS / 2].to_vec();
    ids.truncate(CLAIMS / 2);
    let own = tag(&mut ben, "Ben", 3, 2);
    let links: Vec<Edit> = own
        .chunks(2)
        .take(2_000)
        .enumerate()
        .map(|(i, pair)| {
            Edit::PutLink(Link {
                id: i as i64 + 1,
                kind: LinkKind::Contradicts,
                note: String::new(),
                resolution: Resolution::Open,
                members: pair.to_vec(),
                author: Some("Ben".into()),
                edited_by: None,
            })
        })
        .collect();
    ben.apply(Edit::Batch(links)).expect("links");
    // Ben refreshed 100 articles: a paragraph inserted, one figure changed.
    let mut refresh = Vec::new();
    for i in (0..ARTICLES).step_by(ARTICLES / REFRESHED) {
        let id = i as i64 + 1;
        for c in ben.all_claims_in(id) {
            let mut pinned = c.clone();
            pinned.version = Some(1);
            refresh.push(Edit::PutClaim(pinned));
        }
        let text = ben.article(id).expect("article").text.replacen(
            &paragraph(i, 5),
            &format!("An inserted paragraph.\n\n{}", paragraph(i, 5)),
            1,
        );
        refresh.push(Edit::NewVersion {
            article: id,
            text,
            sha256: format!("{i:063x}f"),
            read_at: Some("2026-01-02T00:00:00Z".into()),
        });
    }
    ben.apply(Edit::Batch(refresh)).expect("refresh");
    (ana, ben)
}

fn bench(c: &mut Criterion) {
    let (ana, ben) = coders();
    let plan = team::plan(&ana, &ben);
    println!("{}", plan.report.summary());
    let mut merged = ana.clone();
    merged.apply(plan.edit).expect("applies");
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function("plan_2000_articles_10000_claims_each", |b| {
        b.iter(|| team::plan(&ana, &ben))
    });
    group.bench_function("plan_and_apply", |b| {
        b.iter(|| {
            let mut p = ana.clone();
            p.apply(team::plan(&p, &ben).edit).expect("applies");
        })
    });
    group.bench_function("second_merge_nothing_new", |b| {
        b.iter(|| {
            let again = team::plan(&merged, &ben);
            assert!(again.edit.is_empty());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
