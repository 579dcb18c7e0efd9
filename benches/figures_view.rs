//! The Figures view on 2,000 generated articles from 200 stories (see `support/news.rs`),
//! driven headless through egui's `Context` like `frame.rs`: the analysis off the UI thread,
//! the first frame after opening the view, a frame at rest and a frame scrolling the list.
//! Also prints the process's resident memory once the analysis is done, and, for 20,000
//! articles of 2,000 stories (a year of one outlet), when the view shows its first suggestions
//! and when the whole analysis is done.

#[path = "support/news.rs"]
mod news;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::confirm_edit;
use crosscheck::app::document::Document;
use crosscheck::app::figures_job::Stage;
use crosscheck::app::workbench::BottomTab;
use crosscheck::app::{Command, Workbench};
use crosscheck::model::Project;
use crosscheck::store::Store;
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

/// One frame of the window. The texture uploads are dropped (nothing draws them here; a build
/// with debug assertions insists they be handled).
fn frame(ctx: &egui::Context, wb: &mut Workbench, events: Vec<egui::Event>) -> egui::FullOutput {
    let mut out = ctx.run_ui(input(events), |ui| wb.ui(ui));
    out.textures_delta.clear();
    out
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
    let _ = frame(&ctx, &mut wb, Vec::new());
    while wb.analysing() {
        std::thread::sleep(Duration::from_millis(5));
        let _ = frame(&ctx, &mut wb, Vec::new());
    }
    (ctx, wb, started.elapsed())
}

/// What one open of the Figures view showed, and when (from the project in memory).
struct Opened {
    stories: Option<Duration>,
    first: Option<Duration>,
    /// CPU time the process used (all threads) until the first suggestions showed.
    first_cpu: f64,
    first_frame: Duration,
    ranked: Option<Duration>,
    done: Duration,
    /// The slowest frame after the first (the first also builds egui's fonts and the
    /// library), and when it came.
    slowest: (Duration, Duration),
    /// The most time the UI thread spent on a core in one frame after the first (ms): the
    /// slowest frame less the time other programs held the core.
    slowest_cpu: f64,
    first_of_all: Duration,
}

/// Draws frames (5 ms apart, as a window woken by the analysis would) from the moment `wb`
/// holds the project until its analysis is done, noting when the Figures view, open from
/// the start, shows the stories and the first suggestions.
fn watch(ctx: &egui::Context, wb: &mut Workbench, started: Instant) -> Opened {
    wb.claims_open = true;
    wb.bottom_tab = BottomTab::Figures;
    let (mut stories, mut first, mut ranked) = (None, None, None);
    let mut first_frame = Duration::ZERO;
    let mut slowest = (Duration::ZERO, Duration::ZERO);
    let mut slowest_cpu = 0.0f64;
    let mut first_of_all = None;
    let cpu0 = news::cpu_ms().unwrap_or(f64::NAN);
    let mut first_cpu = f64::NAN;
    loop {
        let begun = Instant::now();
        let cpu = news::thread_cpu_ms().unwrap_or(f64::NAN);
        let out = frame(ctx, wb, Vec::new());
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        let took = begun.elapsed();
        let cpu = news::thread_cpu_ms().unwrap_or(f64::NAN) - cpu;
        let at = started.elapsed();
        if first_of_all.is_none() {
            first_of_all = Some(took);
        } else {
            if took > slowest.0 {
                slowest = (took, at);
            }
            slowest_cpu = slowest_cpu.max(cpu);
        }
        if took > Duration::from_millis(30) && std::env::var("FRAMES").is_ok() {
            eprintln!(
                "slow frame {took:?} ({cpu:.1} ms on the core) at {at:?}: stage {:?}, {} suggestions, {} stories",
                wb.figures.stage(),
                wb.figures.suggestion_count(),
                wb.figures.stories.len()
            );
        }
        if stories.is_none() && !wb.figures.stories.is_empty() {
            stories = Some(at);
        }
        if first.is_none() && wb.figures.suggestion_count() > 0 {
            first = Some(at);
            first_frame = took;
            first_cpu = news::cpu_ms().unwrap_or(f64::NAN) - cpu0;
        }
        if ranked.is_none() && (!wb.analysing() || wb.figures.stage() == Some(Stage::Reuse)) {
            ranked = Some(at);
        }
        if !wb.analysing() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Opened {
        stories,
        first,
        first_cpu,
        first_frame,
        ranked,
        done: started.elapsed(),
        slowest,
        slowest_cpu,
        first_of_all: first_of_all.unwrap_or_default(),
    }
}

fn report(what: &str, n: usize, o: &Opened, wb: &Workbench) {
    let ms = |d: Option<Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0);
    let shown = wb.figures.suggestion_count().min(10);
    eprintln!(
        "figures view bench: {n} articles, {what}, view open from the start: stories found at {:.0} ms; first suggestions shown at {:.0} ms ({:.0} ms after the stories; CPU time until then {:.0} ms; that frame {:.1} ms; {shown} shown first); all {} suggestions of {} stories ranked at {:.0} ms; analysis done (text reuse included) at {:.0} ms; first frame {:.1} ms, slowest frame after it {:.1} ms (at {:.0} ms), the most one frame spent on the core {:.1} ms; resident {:.0} MB, peak {:.0} MB; load average {:.1}",
        ms(o.stories),
        ms(o.first),
        ms(o.first) - ms(o.stories),
        o.first_cpu,
        o.first_frame.as_secs_f64() * 1000.0,
        wb.figures.suggestion_count(),
        wb.figures.stories.len(),
        ms(o.ranked),
        o.done.as_secs_f64() * 1000.0,
        o.first_of_all.as_secs_f64() * 1000.0,
        o.slowest.0.as_secs_f64() * 1000.0,
        o.slowest.1.as_secs_f64() * 1000.0,
        o.slowest_cpu,
        news::resident_mb().unwrap_or(f64::NAN),
        news::peak_mb().unwrap_or(f64::NAN),
        news::load().unwrap_or(f64::NAN),
    );
}

/// A year of one outlet: 20,000 articles of 2,000 stories, the Figures view open from the
/// start. When the stories are found, when the view shows its first suggestions (a few per
/// story, best first) and how long that frame took, when every suggestion is ranked, when the
/// whole analysis (text reuse included) is done; the slowest frame meanwhile; memory. Then the
/// same project saved and opened again from its file, timed from opening the file.
fn year(_c: &mut Criterion) {
    let n = 20_000;
    let ctx = egui::Context::default();
    let mut wb = Workbench::with_data_dir(None);
    let project = Project::new(news::articles(n, 10));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("year.crosscheck");
    drop(Store::create(&path, &project).expect("save the project"));
    wb.open_document(Document::from_import(
        "bench".into(),
        None,
        project,
        Vec::new(),
        n,
    ));
    let opened = watch(&ctx, &mut wb, Instant::now());
    report("first open", n, &opened, &wb);
    drop(wb);

    let ctx = egui::Context::default();
    let mut wb = Workbench::with_data_dir(None);
    let started = Instant::now();
    let (store, project) = Store::open(&path).expect("open the project");
    let loaded = started.elapsed();
    wb.open_document(Document::from_file(&path, store, project));
    let opened = watch(&ctx, &mut wb, started);
    eprintln!(
        "figures view bench: reopening the saved project: loading it took {:.0} ms",
        loaded.as_secs_f64() * 1000.0
    );
    report("reopened from its file", n, &opened, &wb);
}

fn figures_view(c: &mut Criterion) {
    let (ctx, mut wb, took) = analysed(2000);
    eprintln!(
        "figures view bench: analysis of 2000 articles took {:.2} s off the UI thread; {} stories, {} suggestions; resident {:.0} MB",
        took.as_secs_f64(),
        wb.figures.stories.len(),
        wb.figures.suggestion_count(),
        news::resident_mb().unwrap_or(f64::NAN)
    );
    wb.claims_open = true;
    wb.bottom_tab = BottomTab::Figures;
    let opened = Instant::now();
    let out = frame(&ctx, &mut wb, Vec::new());
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    eprintln!(
        "figures view bench: first frame with the view open {:.1} ms; resident {:.0} MB",
        opened.elapsed().as_secs_f64() * 1000.0,
        news::resident_mb().unwrap_or(f64::NAN)
    );
    for _ in 0..3 {
        let _ = frame(&ctx, &mut wb, Vec::new());
    }
    c.bench_function("figures view/2000 articles/frame/ui+tessellate", |b| {
        b.iter(|| {
            let out = frame(&ctx, &mut wb, Vec::new());
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
            let out = frame(&ctx, &mut wb, events);
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
            .suggestion(&d.project, 0)
            .and_then(|s| confirm_edit(&d.project, &s))
    });
    if let Some(edit) = edit {
        wb.send(Command::Edit {
            label: "Confirm".into(),
            edit,
            coalesce: None,
        });
        let _ = frame(&ctx, &mut wb, Vec::new());
        let started = Instant::now();
        let _ = frame(&ctx, &mut wb, Vec::new());
        eprintln!(
            "figures view bench: frame after confirming a suggestion {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

criterion_group!(benches, figures_view, year);
criterion_main!(benches);
