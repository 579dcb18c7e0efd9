//! `crosscheck new FOLDER -o PROJECT` (not built yet).

use std::path::Path;

pub fn run(_folder: &Path, _output: &Path, _force: bool) -> anyhow::Result<()> {
    anyhow::bail!("`crosscheck new` is not available yet")
}
