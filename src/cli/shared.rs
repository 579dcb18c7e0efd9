//! `crosscheck push PROJECT postgres://…` and `crosscheck pull postgres://… -o FILE`: a
//! project file copied to a PostgreSQL database as a shared project, and back into a file.

use crate::app::plural::count;
use crate::store::Store;
use crate::store::pg::{PgStore, redact_url};
use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// Copies the project file `project` into the database at `url`. Refuses a database that
/// already holds a project unless `replace`.
pub fn push(project: &Path, url: &str, replace: bool) -> anyhow::Result<()> {
    let (store, p) = Store::open_read_only(project)
        .with_context(|| format!("cannot read {}", project.display()))?;
    drop(store);
    let name = project.file_stem().map_or_else(
        || project.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let mut pg = PgStore::connect(url)?;
    pg.push(&p, &name, replace)
        .with_context(|| format!("cannot push {}", project.display()))?;
    let mut out = super::output::stdout();
    writeln!(
        out,
        "Pushed {} to {}: {}, {}, {}. Open it with `crosscheck {}`.",
        project.display(),
        redact_url(url),
        count(p.articles().len(), "article"),
        count(p.claims().len(), "claim"),
        count(p.links().len(), "link"),
        redact_url(url),
    )?;
    out.flush()?;
    Ok(())
}

/// Writes the shared project at `url` to a new project file `output` (replacing one only
/// with `force`).
pub fn pull(url: &str, output: &Path, force: bool) -> anyhow::Result<()> {
    let mut pg = PgStore::connect(url)?;
    let server = pg.load()?;
    let created = if force {
        Store::create_replacing(output, &server.project)
    } else {
        Store::create(output, &server.project)
    };
    drop(created.with_context(|| format!("cannot write {}", output.display()))?);
    let p = &server.project;
    let mut out = super::output::stdout();
    writeln!(
        out,
        "Pulled {} into {}: {}, {}, {}.",
        redact_url(url),
        output.display(),
        count(p.articles().len(), "article"),
        count(p.claims().len(), "claim"),
        count(p.links().len(), "link"),
    )?;
    out.flush()?;
    Ok(())
}
