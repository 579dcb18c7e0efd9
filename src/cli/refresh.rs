//! `crosscheck refresh PROJECT [FOLDER] [--json]`: reads the sources again (issue 14).
//!
//! FOLDER defaults to the folder the project was imported from. Each article is reported as
//! unchanged, changed (a new version, with the numbers, names and negations that changed and
//! the claims that moved or were orphaned), new or missing (kept, never deleted). The whole
//! refresh is written in one transaction, so a crash leaves the project as before or fully
//! refreshed.

use super::UsageError;
use crate::analysis::versions::refresh::{self, ArticleRefresh, RefreshPlan, Status};
use crate::corpus;
use crate::store::{META_SOURCE_FOLDER, Store};
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(project_path: &Path, folder: Option<&Path>, json: bool) -> anyhow::Result<()> {
    let (mut store, mut project) = Store::open(project_path)
        .with_context(|| format!("cannot open {}", project_path.display()))?;
    let folder: PathBuf = match folder {
        Some(f) => f.to_owned(),
        None => store
            .meta(META_SOURCE_FOLDER)
            .with_context(|| format!("cannot read {}", project_path.display()))?
            .map(PathBuf::from)
            .ok_or_else(|| {
                UsageError(format!(
                    "{} does not record the folder it was imported from; \
                     name it: crosscheck refresh {} FOLDER",
                    project_path.display(),
                    project_path.display()
                ))
            })?,
    };
    let report = corpus::import_folder(&folder)
        .with_context(|| format!("cannot read the sources in {}", folder.display()))?;
    for warning in &report.warnings {
        eprintln!("crosscheck: warning: {warning}");
    }
    let now = jiff::Timestamp::now().to_string();
    let plan = refresh::plan(&project, &report.articles, &now);
    if !plan.edit.is_empty() {
        // Checked against the model first, so the file only ever gets an edit that applies.
        project
            .apply(plan.edit.clone())
            .context("the refresh does not apply to this project")?;
        store
            .apply(&plan.edit)
            .with_context(|| format!("cannot write the refresh to {}", project_path.display()))?;
    }
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &plan.articles)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &plan)?;
    }
    out.flush()?;
    Ok(())
}

fn write_text(out: &mut impl Write, plan: &RefreshPlan) -> std::io::Result<()> {
    for a in &plan.articles {
        write_article(out, a)?;
    }
    let moved: usize = plan.articles.iter().map(|a| a.moved.len()).sum();
    writeln!(
        out,
        "{} changed, {} new, {} missing, {} unchanged; {} claims re-anchored, {} orphaned",
        plan.count(Status::Changed),
        plan.count(Status::New),
        plan.count(Status::Missing),
        plan.count(Status::Unchanged),
        moved,
        plan.orphaned().count()
    )
}

fn write_article(out: &mut impl Write, a: &ArticleRefresh) -> std::io::Result<()> {
    let status = match a.status {
        Status::Unchanged => "unchanged".to_owned(),
        Status::Changed => format!("changed (now version {})", a.version),
        Status::New => "new".to_owned(),
        Status::Missing => "missing (kept in the project)".to_owned(),
    };
    let renamed = a
        .renamed_from
        .as_deref()
        .map(|from| format!(", renamed from {from}"))
        .unwrap_or_default();
    writeln!(out, "{}: {status}{renamed}", a.path)?;
    for change in &a.changes {
        writeln!(out, "  {}", change.describe())?;
    }
    for m in a.moved.iter().filter(|m| m.old_start != m.new_start) {
        writeln!(
            out,
            "  claim {} moved: \"{}\" (at {} → {})",
            m.claim, m.quote, m.old_start, m.new_start
        )?;
    }
    for o in &a.orphaned {
        let update = if o.figure_changed {
            "; the figure changed: suggested as an update"
        } else {
            ""
        };
        writeln!(
            out,
            "  claim {} orphaned (stays on version {}): \"{}\" → now \"{}\"{update}",
            o.claim, o.version, o.old_text, o.new_text
        )?;
    }
    Ok(())
}
