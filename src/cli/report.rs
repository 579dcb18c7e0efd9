//! `crosscheck report PROJECT --format F [-o OUT]`: writes the report to OUT (through a
//! temporary file renamed into place) or to standard output.

use super::ReportFormat;
use crate::report::{self, Format, ReportOptions};
use crate::store::Store;
use anyhow::Context;
use std::io::{IsTerminal, Write};
use std::path::Path;

fn format(f: ReportFormat) -> Format {
    match f {
        ReportFormat::Html => Format::Html,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Json => Format::Json,
        ReportFormat::Claimreview => Format::ClaimReview,
        ReportFormat::Xlsx => Format::Xlsx,
    }
}

pub fn run(project: &Path, f: ReportFormat, out: Option<&Path>) -> anyhow::Result<()> {
    // Read-only, without the lock: exporting works while a window has the project open.
    let (_store, loaded) = Store::open_read_only(project)
        .with_context(|| format!("cannot read {}", project.display()))?;
    let name = project.file_name().map_or_else(
        || project.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let opts = ReportOptions::now(&name);
    if f == ReportFormat::Claimreview {
        for key in report::missing_settings(&loaded) {
            let what = match key {
                crate::model::settings::REPORT_URL => "each review's `url`",
                _ => "the reviewing organisation (`author`)",
            };
            eprintln!(
                "crosscheck: warning: the ClaimReview lacks {what}, which Google requires; set it \
                 with: crosscheck settings {} {key}=…",
                project.display()
            );
        }
    }
    match out.filter(|p| p.as_os_str() != "-") {
        Some(path) => report::export_to_file(&loaded, format(f), &opts, path)?,
        None if f == ReportFormat::Xlsx && std::io::stdout().is_terminal() => {
            return Err(super::UsageError(format!(
                "a workbook is binary; name a file: crosscheck report {} --format xlsx -o REPORT.xlsx",
                project.display()
            ))
            .into());
        }
        None => {
            // A reader that stops early (`| head`) is handled in `cli::main` (see `output`).
            let mut out = super::output::stdout();
            report::write_report(&loaded, format(f), &opts, &mut out)
                .and_then(|()| out.flush())
                .context("cannot write to standard output")?;
        }
    }
    Ok(())
}
