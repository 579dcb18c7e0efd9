//! Frame time of the window, driven headless through egui's `Context`: four columns, each
//! showing a generated 100 KB article, after the first frame has laid them out.
//!
//! "ui" is the egui pass (layout, interaction, painting commands); "ui+tessellate" adds the
//! CPU tessellation a real frame also pays. GPU time is not included.

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::app::Workbench;
use crosscheck::app::document::Document;
use crosscheck::model::{Article, Edit, Link, LinkKind, Project, Resolution};
use eframe::egui;

/// A deterministic ~100 KB article of news-like paragraphs.
fn article(id: i64) -> Article {
    let words = [
        "officials",
        "said",
        "at",
        "least",
        "139",
        "people",
        "were",
        "killed",
        "when",
        "gunmen",
        "opened",
        "fire",
        "in",
        "the",
        "concert",
        "hall",
        "on",
        "Friday",
        "evening",
        "and",
        "182",
        "more",
        "injured",
        "according",
        "to",
        "the",
        "ministry",
        "Zürich",
        "Привет",
    ];
    let mut text = format!("Generated article {id}\n\n");
    let mut n = id as usize;
    while text.len() < 100_000 {
        for _ in 0..90 {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                >> 7;
            text.push_str(words[n % words.len()]);
            text.push(' ');
        }
        text.push_str("end.\n\n");
    }
    Article {
        id,
        path: format!("a{id}.txt"),
        title: format!("Generated article {id}"),
        outlet: None,
        published: None,
        text,
        sha256: String::new(),
        encoding: "UTF-8".into(),
        author: None,
        url: None,
    }
}

fn workbench() -> Workbench {
    let mut project = Project::new((1..=4).map(article).collect());
    project.layout.columns = vec![1, 2, 3, 4];
    let mut wb = Workbench::with_data_dir(None);
    wb.open_document(Document::from_import(
        "bench".into(),
        None,
        project,
        Vec::new(),
        4,
    ));
    wb
}

/// The same four articles with 1,000 claims each (every ~100 characters, some nested) and
/// `links` links between claims of neighbouring columns.
fn workbench_with_claims(links: usize) -> Workbench {
    let mut project = Project::new((1..=4).map(article).collect());
    project.layout.columns = vec![1, 2, 3, 4];
    let mut edits = Vec::new();
    let mut next = 1;
    for a in 1..=4 {
        let len = project.article(a).map_or(0, Article::char_len);
        for k in 0..1000 {
            let start = k * (len / 1000);
            let end = (start + if k % 7 == 0 { 60 } else { 18 }).min(len);
            let mut c = project
                .make_claim(a, start, end, Some(1 + (k % 5) as i64))
                .expect("claim");
            c.id = next;
            next += 1;
            edits.push(Edit::PutClaim(c));
        }
    }
    project.apply(Edit::Batch(edits)).expect("claims");
    let mut edits = Vec::new();
    for l in 0..links {
        let a = (l % 3) as i64; // columns 1-2, 2-3, 3-4
        let k = (l / 3) as i64 * 6;
        edits.push(Edit::PutLink(Link {
            id: l as i64 + 1,
            kind: LinkKind::ALL[l % 4],
            note: String::new(),
            resolution: Resolution::Open,
            members: vec![a * 1000 + k + 1, (a + 1) * 1000 + k + 1],
            author: None,
            edited_by: None,
        }));
    }
    project.apply(Edit::Batch(edits)).expect("links");
    let mut wb = Workbench::with_data_dir(None);
    wb.open_document(Document::from_import(
        "bench".into(),
        None,
        project,
        Vec::new(),
        4,
    ));
    wb
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut wb = workbench();
    // The first frames lay out the articles and fill the font atlas.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| wb.ui(ui));
    }
    assert_eq!(wb.columns.len(), 4);
    c.bench_function("frame/4 columns x 100 KB/ui", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| wb.ui(ui)))
    });
    c.bench_function("frame/4 columns x 100 KB/ui+tessellate", |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(), |ui| wb.ui(ui));
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
}

fn frame_with_highlights(c: &mut Criterion) {
    for (name, links) in [
        ("1,000 highlights each", 0),
        ("1,000 highlights each + 500 links", 500),
    ] {
        let ctx = egui::Context::default();
        let mut wb = workbench_with_claims(links);
        for _ in 0..3 {
            let _ = ctx.run_ui(input(), |ui| wb.ui(ui));
        }
        c.bench_function(
            &format!("frame/4 columns x 100 KB/{name}/ui+tessellate"),
            |b| {
                b.iter(|| {
                    let out = ctx.run_ui(input(), |ui| wb.ui(ui));
                    ctx.tessellate(out.shapes, out.pixels_per_point)
                })
            },
        );
    }
}

criterion_group!(benches, frame, frame_with_highlights);
criterion_main!(benches);
