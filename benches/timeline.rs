//! The timeline: time expressions and every figure's `as_of` for 2,000 generated articles
//! (target < 1 s), and one frame of the Timeline tab drawing 5,000 figures of one measure
//! (target < 4 ms; the egui pass and CPU tessellation, after the timeline is computed).

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::timeline::Timeline;
use crosscheck::app::command::Command;
use crosscheck::app::timeline_view::{TimelineView, timeline_ui};
use crosscheck::model::{Article, Project};
use eframe::egui;
use std::hint::black_box;

/// A deterministic report of a rising toll: a dateline, times, and figures.
fn article(id: i64, sentences: usize) -> Article {
    let times = [
        "on Friday",
        "as of 6 pm",
        "yesterday",
        "late on Sunday",
        "by Tuesday evening",
        "this morning",
        "on 22 March",
        "last week",
    ];
    let mut n = id as u64;
    let mut text = format!("Blast toll rises\nMOSCOW, March {}, 2024\n\n", 1 + id % 28);
    for _ in 0..sentences {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407)
            >> 3;
        let when = times[(n % times.len() as u64) as usize];
        text.push_str(&format!(
            "Officials said {when} that at least {} people were killed and {} injured in the attack. ",
            n % 300,
            n % 700
        ));
    }
    Article {
        published: Some(format!("2024-03-{:02}T{:02}:00", 1 + id % 28, id % 24)),
        outlet: Some(format!("Outlet {}", id % 9)),
        ..Article::in_memory(id, format!("{id}.txt"), format!("Report {id}"), text)
    }
}

fn times_and_as_of(c: &mut Criterion) {
    let articles: Vec<Article> = (1..=2000).map(|i| article(i, 12)).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let t = Timeline::of(&articles);
    eprintln!(
        "timeline bench: 2000 articles, {bytes} bytes, {} figures, {} time expressions",
        t.figures.len(),
        t.articles.iter().map(|a| a.times.len()).sum::<usize>()
    );
    let mut g = c.benchmark_group("timeline");
    g.sample_size(10);
    g.bench_function("times_and_as_of/2000_articles", |b| {
        b.iter(|| Timeline::of(black_box(&articles)))
    });
    g.finish();
}

fn frame(c: &mut Criterion) {
    // 400 articles × 12 sentences: about 5,000 toll figures placed in time.
    let project = Project::new((1..=400).map(|i| article(i, 12)).collect());
    let mut view = TimelineView::default();
    view.ensure(&project);
    let killed = view
        .data
        .series(crosscheck::analysis::Measure::Killed)
        .count();
    eprintln!("timeline frame bench: {killed} killed figures drawn");
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 320.0),
        )),
        ..Default::default()
    };
    let mut commands: Vec<Command> = Vec::new();
    // No stories found: the whole project on one axis.
    let figures = crosscheck::app::figures_cache::FiguresCache::default();
    let mut draw = |ctx: &egui::Context| {
        ctx.run_ui(input(), |ui| {
            timeline_ui(ui, &project, &mut view, &figures, None, &mut commands);
        })
    };
    let _ = draw(&ctx);
    c.bench_function("timeline/frame 5000 figures/ui+tessellate", |b| {
        b.iter(|| {
            let out = draw(&ctx);
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        })
    });
}

criterion_group!(benches, times_and_as_of, frame);
criterion_main!(benches);
