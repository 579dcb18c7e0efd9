//! `crosscheck report PROJECT --format F [-o OUT]` (not built yet).

use super::ReportFormat;
use std::path::Path;

pub fn run(_project: &Path, _format: ReportFormat, _out: Option<&Path>) -> anyhow::Result<()> {
    anyhow::bail!("`crosscheck report` is not available yet")
}
