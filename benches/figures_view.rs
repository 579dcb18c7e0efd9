//! The Figures view on 2,000 generated articles from 200 stories (see `support/news.rs`),
//! driven headless through egui's `Context` like `frame.rs`: the analysis off the UI thread,
//! the first frame after opening the view, a frame at rest and a frame scrolling the list.
//! Also prints the process's resident memory once the analysis is done, and how long 20,000
//! articles of 2,000 stories (a year of one outlet) take to analyse and open.

#[path = "support/news.rs"]
mod news;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::confirm_edit;
use crosscheck::app::document::Document;
use crosscheck::app::workbench::BottomTab;
use crosscheck::app::{Command, Workbench};
use crosscheck::model::Project;
use eframe::egui;
use std::time::{Duration, Instant};

const SCREEN: egui::Vec2 = egui::vec2(1600.0, 1000.0);

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        events,
        ..Default::default()
    }
}

/// A window on `n` articles whose analysis has finished, and how long it took.
fn analysed(n: usize) -> (egui::Context, Workbench, Duration) {
    let ctx = egui::Context::default();
    let mut wb = Workbench::with_data_dir(None);
    let project = Project::new(news::articles(n, 10));
    wb.open_document(Document::from_import(
        "bench".into(),
        None,
        project,
        Vec::new(),
        n,
    ));
    let started = Instant::now();
    let _ = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
    while wb.analysing() {
        std::thread::sleep(Duration::from_millis(5));
        let _ = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
    }
    (ctx, wb, started.elapsed())
}

/// A year of one outlet: 20,000 articles of 2,000 stories. How long until the Figures view
/// shows its suggestions, a few per story first, and its first frame.
fn year(_c: &mut Criterion) {
    let (ctx, mut wb, took) = analysed(20_000);
    wb.claims_open = true;
    wb.bottom_tab = BottomTab::Figures;
    let opened = Instant::now();
    let out = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    eprintln!(
        "figures view bench: 20000 articles analysed in {:.2} s off the UI thread ({} stories, {} suggestions); first frame with the view open {:.1} ms; resident {:.0} MB",
        took.as_secs_f64(),
        wb.figures.stories.len(),
        wb.figures.suggestions.len(),
        opened.elapsed().as_secs_f64() * 1000.0,
        news::resident_mb().unwrap_or(f64::NAN)
    );
}

fn figures_view(c: &mut Criterion) {
    let (ctx, mut wb, took) = analysed(2000);
    eprintln!(
        "figures view bench: analysis of 2000 articles took {:.2} s off the UI thread; {} stories, {} suggestions; resident {:.0} MB",
        took.as_secs_f64(),
        wb.figures.stories.len(),
        wb.figures.suggestions.len(),
        news::resident_mb().unwrap_or(f64::NAN)
    );
    wb.claims_open = true;
    wb.bottom_tab = BottomTab::Figures;
    let opened = Instant::now();
    let out = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    eprintln!(
        "figures view bench: first frame with the view open {:.1} ms; resident {:.0} MB",
        opened.elapsed().as_secs_f64() * 1000.0,
        news::resident_mb().unwrap_or(f64::NAN)
    );
    for _ in 0..3 {
        let _ = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
    }
    c.bench_function("figures view/2000 articles/frame/ui+tessellate", |b| {
        b.iter(|| {
            let out = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
    // The pointer over the view, the wheel turning: down for a while, then back up.
    let over = egui::pos2(800.0, SCREEN.y - 120.0);
    let mut step = 0u32;
    c.bench_function("figures view/2000 articles/scroll/ui+tessellate", |b| {
        b.iter(|| {
            step += 1;
            let dy = if (step / 200).is_multiple_of(2) {
                -60.0
            } else {
                60.0
            };
            let events = vec![
                egui::Event::PointerMoved(over),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, dy),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Unknown,
                    modifiers: egui::Modifiers::NONE,
                },
            ];
            let out = ctx.run_ui(input(events), |ui| wb.ui(ui));
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
    eprintln!(
        "figures view bench: resident after scrolling {:.0} MB",
        news::resident_mb().unwrap_or(f64::NAN)
    );
    // Confirming the best suggestion adds two claims and a link; the next frame rebuilds the
    // rows, checking which suggestions the link now covers.
    let edit = wb.doc.as_ref().and_then(|d| {
        wb.figures
            .suggestions
            .first()
            .and_then(|s| confirm_edit(&d.project, s))
    });
    if let Some(edit) = edit {
        wb.send(Command::Edit {
            label: "Confirm".into(),
            edit,
            coalesce: None,
        });
        let _ = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
        let started = Instant::now();
        let _ = ctx.run_ui(input(Vec::new()), |ui| wb.ui(ui));
        eprintln!(
            "figures view bench: frame after confirming a suggestion {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

criterion_group!(benches, figures_view, year);
criterion_main!(benches);
