//! The window (eframe/egui). Draws the model and sends commands; owns no project logic.

use std::path::PathBuf;

/// Opens the workbench, on `path` when given.
pub fn run(_path: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("the window is not available yet")
}
