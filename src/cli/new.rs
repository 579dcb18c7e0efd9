//! `crosscheck new FOLDER -o PROJECT [--force]`: imports a folder into a new project file,
//! headless. The summary goes to stdout, one warning per skipped or repaired file to stderr.

use crate::corpus;
use crate::model::Project;
use crate::store::{META_SOURCE_FOLDER, Store};
use anyhow::{Context, bail};
use std::path::Path;

pub fn run(folder: &Path, output: &Path, force: bool) -> anyhow::Result<()> {
    // Refuse before the import, which may take a while on a large folder.
    if let Ok(meta) = std::fs::metadata(output) {
        if meta.is_dir() {
            bail!(
                "{} is a folder; give a file name for the project, such as {}",
                output.display(),
                output.join("project.crosscheck").display()
            );
        }
        if !force {
            bail!(
                "{} already exists; choose another name, or pass --force to replace it",
                output.display()
            );
        }
    }
    let report = corpus::import_folder(folder)
        .with_context(|| format!("cannot import {}", folder.display()))?;
    for warning in &report.warnings {
        eprintln!("crosscheck: warning: {warning}");
    }
    let summary = report.summary();
    if report.articles.is_empty() {
        bail!("{}: {summary}; no project was written", folder.display());
    }
    let project = Project::new(report.articles);
    let mut store = if force {
        Store::create_replacing(output, &project)
    } else {
        Store::create(output, &project)
    }?;
    let source = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    store
        .set_meta(META_SOURCE_FOLDER, &source.to_string_lossy())
        .with_context(|| format!("cannot record the source folder in {}", output.display()))?;
    super::output::println(&format!("{}: {summary}", output.display()))?;
    Ok(())
}
