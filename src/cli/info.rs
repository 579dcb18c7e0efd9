//! `crosscheck info` (not built yet).

#[allow(clippy::missing_errors_doc)]
pub fn run(_: &std::path::Path, _: bool) -> anyhow::Result<()> {
    anyhow::bail!("`crosscheck info` is not available yet")
}
