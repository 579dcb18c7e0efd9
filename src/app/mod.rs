//! The window (eframe/egui, glow renderer). Draws the model and sends commands; the project
//! changes only through [`crate::model::Project::apply`].
//!
//! [`Workbench`] holds the window's state and draws a frame; [`CrosscheckApp`] adapts it to
//! eframe. Panels live in their own files and push [`Command`]s.

pub mod action;
pub mod agreement_view;
pub mod article_editor;
pub mod authors;
pub mod changes_view;
pub mod claims_panel;
pub mod codebook;
pub mod columns;
pub mod command;
pub mod compare_view;
pub mod conflicts_panel;
pub mod connectors;
pub mod document;
pub mod export;
pub mod figures_cache;
pub mod figures_job;
pub mod figures_ranked;
pub mod figures_rows;
pub mod figures_view;
pub mod find;
pub mod inspector;
pub mod interval_chart;
pub mod jobs;
pub mod library;
pub mod link_inspector;
pub mod link_overlay;
pub mod merge_view;
pub mod plural;
pub mod preferences;
pub mod quotes_view;
pub mod reader;
pub mod sources_view;
pub mod theme;
pub mod timeline_view;
pub mod welcome;
pub mod workbench;

pub use command::Command;
pub use workbench::Workbench;

use eframe::egui;
use std::path::PathBuf;

/// The eframe application: a [`Workbench`] and the one-time setup of fonts and style.
pub struct CrosscheckApp {
    pub workbench: Workbench,
}

impl CrosscheckApp {
    /// Sets up the context and, when a path was given, starts opening it.
    pub fn new(ctx: &egui::Context, path: Option<PathBuf>) -> Self {
        theme::setup(ctx);
        let mut workbench = Workbench::default();
        if let Some(path) = path {
            workbench.send(Command::OpenPath(path));
        }
        CrosscheckApp { workbench }
    }
}

impl eframe::App for CrosscheckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.workbench.ui(ui);
    }
}

/// Opens the workbench window, on `path` when given. Returns when the window closes.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Crosscheck")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Crosscheck",
        options,
        Box::new(move |cc| Ok(Box::new(CrosscheckApp::new(&cc.egui_ctx, path)))),
    )
    .map_err(|e| {
        anyhow::anyhow!(
            "could not open the window: {e}. On Linux the window needs a display and the X11/OpenGL \
             runtime libraries listed in the README; the headless subcommands (see --help) work without them"
        )
    })
}
