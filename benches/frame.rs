//! Frame time of the window, driven headless through egui's `Context`: four columns, each
//! showing a generated 100 KB article, after the first frame has laid them out.
//!
//! "ui" is the egui pass (layout, interaction, painting commands); "ui+tessellate" adds the
//! CPU tessellation a real frame also pays. GPU time is not included.

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::app::Workbench;
use crosscheck::app::document::Document;
use crosscheck::model::{Article, Project};
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

criterion_group!(benches, frame);
criterion_main!(benches);
