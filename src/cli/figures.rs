//! `crosscheck figures PATH...` (not built yet).

use std::path::PathBuf;

pub fn run(_paths: &[PathBuf], _json: bool) -> anyhow::Result<()> {
    anyhow::bail!("`crosscheck figures` is not available yet")
}
