//! `crosscheck merge A B -o C [--json]`: merges project B into project A and writes the result
//! to C, a new file (issue 26). A and B are only read; C is refused when it exists.
//!
//! The summary goes to stdout (`--json`: the whole report as one object); each clash of the
//! codebook or verdict scale, and each claim or link the two projects judged differently, is a
//! warning line on stderr. Merging C with B again changes nothing.

use super::UsageError;
use crate::store::{META_SOURCE_FOLDER, Store};
use crate::team;
use anyhow::Context;
use std::io::Write;
use std::path::Path;

pub fn run(a: &Path, b: &Path, output: &Path, json: bool) -> anyhow::Result<()> {
    if std::fs::symlink_metadata(output).is_ok() {
        return Err(UsageError(format!(
            "{} already exists; merge writes a new file and never overwrites one: \
             choose another name for -o",
            output.display()
        ))
        .into());
    }
    let (store_a, ours) =
        Store::open_read_only(a).with_context(|| format!("cannot open {}", a.display()))?;
    let (_store_b, theirs) =
        Store::open_read_only(b).with_context(|| format!("cannot open {}", b.display()))?;
    let plan = team::plan(&ours, &theirs);
    let mut merged = ours.clone();
    merged.apply(plan.edit.clone()).with_context(|| {
        format!(
            "the merge of {} into {} does not apply",
            b.display(),
            a.display()
        )
    })?;
    let mut store = Store::create(output, &merged)
        .with_context(|| format!("cannot write {}", output.display()))?;
    if let Ok(Some(folder)) = store_a.meta(META_SOURCE_FOLDER) {
        store
            .set_meta(META_SOURCE_FOLDER, &folder)
            .with_context(|| format!("cannot write {}", output.display()))?;
    }
    let report = &plan.report;
    for clash in &report.clashes {
        eprintln!("crosscheck: warning: clash: {}", clash.describe());
    }
    for conflict in &report.conflicts {
        eprintln!("crosscheck: warning: conflict: {}", conflict.describe());
    }
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, report)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{}: merged {} into {}: {}",
            output.display(),
            b.display(),
            a.display(),
            report.summary()
        )?;
        for title in &report.articles_added {
            writeln!(out, "  added article: {title}")?;
        }
        for line in &report.articles_changed {
            writeln!(out, "  changed source: {line}")?;
        }
        for name in &report.categories_added {
            writeln!(out, "  added category: {name}")?;
        }
        for name in &report.verdicts_added {
            writeln!(out, "  added verdict: {name}")?;
        }
    }
    out.flush()?;
    Ok(())
}
